package io.github.msghandler.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msghandler.core.MsgHandler;
import io.github.msghandler.core.PackOptions;
import io.github.msghandler.core.EncodedEnvelope;
import io.github.msghandler.core.Payload;
import io.github.msghandler.core.api.PayloadType;
import io.github.msghandler.core.UnpackOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Case 5 (JMH): pack and unpack of one 400 KB binary payload sent direct, without NATS, against the floor of
 * what any such envelope costs: {@code java.util.Base64} and Jackson writing and reading a JSON object that holds
 * the base64 text.
 */
@State(Scope.Benchmark)
public class CodecBenchmark {
    static final int PAYLOAD_BYTES = 400 * 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] payload;
    private PackOptions packOptions;
    private UnpackOptions unpackOptions;

    @Setup
    public void setUp() {
        payload = new byte[PAYLOAD_BYTES];
        new Random(42).nextBytes(payload);
        packOptions = PackOptions.builder().publish(false).build();
        unpackOptions = UnpackOptions.defaults();
    }

    @Benchmark
    public Object msghandlerPackUnpack() {
        EncodedEnvelope packed = MsgHandler.smartpack("bench.codec",
                List.of(Payload.of("blob", payload, PayloadType.BINARY)), packOptions);
        return MsgHandler.smartunpack(packed.toNatsMessage().getData(), unpackOptions).payloads().get(0).value();
    }

    @Benchmark
    public byte[] base64AndJacksonFloor() throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("dataname", "blob");
        envelope.put("data", Base64.getEncoder().encodeToString(payload));
        byte[] json = mapper.writeValueAsBytes(envelope);
        JsonNode read = mapper.readTree(json);
        return Base64.getDecoder().decode(read.get("data").textValue());
    }
}
