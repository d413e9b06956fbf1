package io.github.msghandler.core.api;

/**
 * A NATS credentials file that cannot authenticate, found before connecting: the server would refuse it with only
 * "Authorization Violation", whatever the reason. The message names the file and what is wrong with it.
 */
public class InvalidCredentialsException extends BrokerException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the file. */
    public enum Problem {
        /** The file cannot be read. */
        UNREADABLE,
        /** It holds no user JWT, or one that does not decode. */
        NO_USER_JWT,
        /** Its seed is not a valid user NKey seed. */
        INVALID_SEED,
        /** Its seed belongs to another user than its JWT: the server would find the signature wrong. */
        SEED_OF_ANOTHER_USER,
        /** Its user JWT has expired. */
        EXPIRED
    }

    private final Problem problem;

    public InvalidCredentialsException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
