package io.github.msghandler.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;

/**
 * The build steps of the msghandler extension. Camel Quarkus finds the component through its service file and
 * binds {@code camel.component.msghandler.*} through the generated configurers, with no reflection. What is
 * registered here is for a native build, which is not tested (no GraalVM here): jnats creates its socket data port
 * by class name, and seeds random generators in static initializers that must run at run time, not at build time.
 */
class MsgHandlerProcessor {
    private static final String FEATURE = "camel-msghandler";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void nativeImage(BuildProducer<ReflectiveClassBuildItem> reflective,
                     BuildProducer<RuntimeInitializedClassBuildItem> runtimeInitialized,
                     BuildProducer<ExtensionSslNativeSupportBuildItem> ssl) {
        // Options names its data port by class and constructs it reflectively
        reflective.produce(ReflectiveClassBuildItem.builder("io.nats.client.impl.SocketDataPort").build());
        // a SecureRandom, and generators seeded from it, in static fields
        for (String className : new String[] {"io.nats.client.support.RandomUtils", "io.nats.client.NUID"}) {
            runtimeInitialized.produce(new RuntimeInitializedClassBuildItem(className));
        }
        ssl.produce(new ExtensionSslNativeSupportBuildItem(FEATURE));   // tls=true and wss:// servers
    }
}
