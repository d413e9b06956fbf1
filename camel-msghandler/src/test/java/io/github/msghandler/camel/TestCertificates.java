package io.github.msghandler.camel;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Certificates made at test time with openssl and keytool, and Camel TLS settings that trust them. */
final class TestCertificates {
    static final String STORE_PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** Runs a certificate tool in {@code dir} and fails with its output when it does not succeed. */
    static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Camel TLS settings that trust the certificates in a PKCS12 store protected by {@link #STORE_PASSWORD}. */
    static SSLContextParameters trusting(Path pkcs12) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + pkcs12);
        trustStore.setPassword(STORE_PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trust);
        return tls;
    }
}
