package io.github.msghandler.core.codec;

import io.github.msghandler.core.api.MissingDependencyException;
import io.github.msghandler.core.api.PayloadType;

/** Stands in for a codec whose optional library is missing, and says which artifact to add. */
public final class UnavailableCodec implements PayloadCodec {
    private final PayloadType type;
    private final String missingArtifacts;

    public UnavailableCodec(PayloadType type, String missingArtifacts) {
        this.type = type;
        this.missingArtifacts = missingArtifacts;
    }

    @Override
    public PayloadType type() {
        return type;
    }

    @Override
    public PayloadContent encode(String dataname, Object value) {
        throw missing();
    }

    @Override
    public Object decode(PayloadContent content) {
        throw missing();
    }

    private MissingDependencyException missing() {
        return new MissingDependencyException("payload type " + type + " needs " + missingArtifacts
                + " on the classpath");
    }
}
