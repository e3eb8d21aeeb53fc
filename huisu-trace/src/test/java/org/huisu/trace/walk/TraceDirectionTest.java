package org.huisu.trace.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.huisu.core.model.NodeRef;
import org.huisu.core.model.Relation;
import org.huisu.core.model.RelationKind;
import org.junit.jupiter.api.Test;

class TraceDirectionTest {

    private static Relation r(RelationKind kind, NodeRef from, NodeRef to) {
        return new Relation(1L, kind, from, to, "test", 1, "because", List.of());
    }

    private final NodeRef object = NodeRef.artifact(1);
    private final NodeRef upload = NodeRef.activity(2);
    private final NodeRef archive = NodeRef.artifact(3);

    @Test
    void upstreamFromAnObjectIsItsUploadAndDownstreamFromTheUploadIsTheObject() {
        Relation generated = r(RelationKind.WAS_GENERATED_BY, object, upload);
        assertThat(Trace.next(generated, object, Trace.Direction.UPSTREAM)).isEqualTo(upload);
        assertThat(Trace.next(generated, object, Trace.Direction.DOWNSTREAM)).isNull();
        assertThat(Trace.next(generated, upload, Trace.Direction.DOWNSTREAM)).isEqualTo(object);
        assertThat(Trace.next(generated, upload, Trace.Direction.UPSTREAM)).isNull();
    }

    @Test
    void aMembersUpstreamIsItsArchive() {
        Relation member = r(RelationKind.HAD_MEMBER, archive, object);
        assertThat(Trace.next(member, object, Trace.Direction.UPSTREAM)).isEqualTo(archive);
        assertThat(Trace.next(member, archive, Trace.Direction.DOWNSTREAM)).isEqualTo(object);
        assertThat(Trace.next(member, archive, Trace.Direction.UPSTREAM)).isNull();
    }

    @Test
    void copiesOfTheSameBytesAreReachedEitherWay() {
        Relation same = r(RelationKind.ALTERNATE_OF, object, archive);
        assertThat(Trace.next(same, object, Trace.Direction.DOWNSTREAM)).isEqualTo(archive);
        assertThat(Trace.next(same, archive, Trace.Direction.UPSTREAM)).isEqualTo(object);
    }
}
