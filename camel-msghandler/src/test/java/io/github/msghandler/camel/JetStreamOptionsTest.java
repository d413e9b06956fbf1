package io.github.msghandler.camel;

import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.ObjectStoreStatus;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamInfo;
import org.apache.camel.BindToRegistry;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stream and the Object Store bucket are created as the options ask, and a consumer bean adds the rest. */
class JetStreamOptionsTest extends MsgHandlerTestSupport {
    @BindToRegistry("readerConfig")
    private final ConsumerConfiguration readerConfig = ConsumerConfiguration.builder()
            .maxAckPending(7).description("set by a bean").build();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri("opts.memory", "jetstream=true&createStream=true&storageType=memory&streamReplicas=1"
                        + "&consumerConfiguration=#readerConfig&ackWait=9000"))
                        .to("mock:memory");
            }
        };
    }

    @Test
    void streamBucketAndConsumerAreCreatedAsTheOptionsAsk() throws Exception {
        MockEndpoint memory = getMockEndpoint("mock:memory");
        memory.expectedMessageCount(1);

        // a link payload makes the producer create its bucket
        template.sendBody(uri("opts.memory", "jetstream=true&sizeThreshold=1&bucket=opts-bucket&storageType=memory"
                + "&maxBucketBytes=10000000&bucketReplicas=1"), "by link into a memory bucket");

        memory.assertIsSatisfied(20_000);
        assertEquals("by link into a memory bucket",
                memory.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        StreamInfo stream = nats.connection().jetStreamManagement().getStreamInfo("MSGHANDLER_opts_memory");
        assertEquals(StorageType.Memory, stream.getConfiguration().getStorageType());
        assertEquals(1, stream.getConfiguration().getReplicas());
        ConsumerInfo consumer = nats.connection().jetStreamManagement()
                .getConsumerInfo("MSGHANDLER_opts_memory", "msghandler-opts_memory");
        assertEquals(7, consumer.getConsumerConfiguration().getMaxAckPending(), "from the bean");
        assertEquals("set by a bean", consumer.getConsumerConfiguration().getDescription());
        assertEquals(9000, consumer.getConsumerConfiguration().getAckWait().toMillis(), "from the option");
        ObjectStoreStatus bucket = nats.connection().objectStoreManagement().getStatus("opts-bucket");
        assertEquals(StorageType.Memory, bucket.getStorageType());
        assertEquals(10_000_000, bucket.getMaxBucketSize());
        assertEquals(1, bucket.getReplicas());
    }
}
