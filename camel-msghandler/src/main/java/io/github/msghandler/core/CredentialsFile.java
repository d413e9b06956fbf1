package io.github.msghandler.core;

import io.github.msghandler.core.api.InvalidCredentialsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.AuthHandler;
import io.nats.client.Nats;
import io.nats.client.support.JwtUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A NATS credentials file (a user JWT and the user's NKey seed, as {@code nsc} writes them), checked before it is
 * used. A NATS server in operator mode refuses a seed that does not belong to the JWT, and an expired JWT, with the
 * same "Authorization Violation"; this names which.
 */
public final class CredentialsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialsFile() {
    }

    /**
     * jnats's handler for the file, once the file is found able to authenticate at {@code now}.
     *
     * @throws InvalidCredentialsException naming the file and what is wrong with it
     */
    public static AuthHandler authHandler(String file, Instant now) {
        if (!Files.isReadable(Path.of(file))) {
            throw new InvalidCredentialsException(InvalidCredentialsException.Problem.UNREADABLE,
                    "credentials file " + file + " cannot be read", null);
        }
        AuthHandler handler = Nats.credentials(file);
        JsonNode claims = claims(file, handler);
        String user = claims.path("sub").asText();
        String seedUser;
        try {
            seedUser = new String(handler.getID());
        } catch (IllegalStateException e) {
            throw new InvalidCredentialsException(InvalidCredentialsException.Problem.INVALID_SEED,
                    "credentials file " + file + " holds no valid user NKey seed: " + rootMessage(e), e);
        }
        if (!seedUser.equals(user)) {
            throw new InvalidCredentialsException(InvalidCredentialsException.Problem.SEED_OF_ANOTHER_USER,
                    "the seed in credentials file " + file + " belongs to user " + seedUser + ", but its JWT is for user "
                            + user + ": the server would refuse the signature", null);
        }
        long expires = claims.path("exp").asLong(0);
        if (expires > 0 && !now.isBefore(Instant.ofEpochSecond(expires))) {
            throw new InvalidCredentialsException(InvalidCredentialsException.Problem.EXPIRED,
                    "the user JWT in credentials file " + file + " (user " + user + ") expired at "
                            + Instant.ofEpochSecond(expires), null);
        }
        return handler;
    }

    private static JsonNode claims(String file, AuthHandler handler) {
        try {
            char[] jwt = handler.getJWT();
            if (jwt == null || jwt.length == 0) {
                throw new IllegalStateException("no JWT section");
            }
            return JSON.readTree(JwtUtils.getClaimBody(new String(jwt)));
        } catch (Exception e) {
            throw new InvalidCredentialsException(InvalidCredentialsException.Problem.NO_USER_JWT,
                    "credentials file " + file + " holds no readable user JWT: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
