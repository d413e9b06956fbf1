package io.github.msghandler.camel;

import org.apache.camel.Endpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every secret option is masked wherever Camel prints an endpoint URI. */
class SecretMaskingTest extends CamelTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void everySecretOptionIsMaskedInTheEndpointUri() {
        List<String> secrets = List.of("password", "token", "nkeyPrivateKey", "plikToken");
        List<String> leaked = new ArrayList<>();
        for (String secret : secrets) {
            String uri = "msghandler:masked?brokerUrl=nats://127.0.0.1:1&" + secret + "=TopSecret42";
            Endpoint endpoint = context.getEndpoint(uri);
            for (String printed : List.of(endpoint.toString(), URISupport.sanitizeUri(endpoint.getEndpointUri()))) {
                if (printed.contains("TopSecret42")) {
                    leaked.add(secret + " in " + printed);
                }
            }
        }
        assertEquals(List.of(), leaked);
    }
}
