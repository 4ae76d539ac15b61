package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationExtendedInfoTest {

    @Test
    void jobInfoWritesObjectTypeExactlyOnce() {
        String json = AzdpJson.write(new OperationJobExtendedInfo("c60cb49-63e8-4b21-b9bd-26277b3fdfae"));
        assertThat(json).isEqualTo("{\"jobId\":\"c60cb49-63e8-4b21-b9bd-26277b3fdfae\",\"objectType\":\"OperationJobExtendedInfo\"}");
        assertThat(TestFixtures.countField(json, "objectType")).isEqualTo(1);
    }

    @Test
    void jobInfoReadsThroughTheInterfaceAndDirectly() {
        String json = TestFixtures.text("operation-result-job.json");
        OperationExtendedInfo viaInterface = AzdpJson.read(json, OperationExtendedInfo.class);
        assertThat(viaInterface).isInstanceOf(OperationJobExtendedInfo.class);
        assertThat(viaInterface.objectType()).isEqualTo("OperationJobExtendedInfo");
        assertThat(AzdpJson.read(json, OperationJobExtendedInfo.class)).isEqualTo(viaInterface);
    }

    @Test
    void objectTypeIsMatchedCaseInsensitivelyAndInferredFromJobId() {
        assertThat(AzdpJson.read("{\"objectType\":\"operationjobextendedinfo\",\"jobId\":\"j\"}", OperationExtendedInfo.class))
                .isEqualTo(new OperationJobExtendedInfo("j"));
        assertThat(AzdpJson.read("{\"jobId\":\"j\"}", OperationExtendedInfo.class))
                .isEqualTo(new OperationJobExtendedInfo("j"));
    }

    @Test
    void unknownObjectTypeIsKeptAndWrittenBackOnce() {
        String json = "{\"objectType\":\"OperationFutureInfo\",\"count\":3,\"nested\":{\"objectType\":\"Inner\",\"a\":true}}";
        OperationExtendedInfo info = AzdpJson.read(json, OperationExtendedInfo.class);
        assertThat(info).isInstanceOfSatisfying(UnknownOperationExtendedInfo.class, u -> {
            assertThat(u.objectType()).isEqualTo("OperationFutureInfo");
            assertThat(u.properties()).containsOnlyKeys("count", "nested").containsEntry("count", 3);
        });
        String written = AzdpJson.write(info);
        assertThat(written).startsWith("{\"objectType\":\"OperationFutureInfo\",");
        assertThat(TestFixtures.countField(written, "objectType")).isEqualTo(2); // its own plus the nested object's
        assertThat(TestFixtures.sameJson(written, json)).isTrue();
    }

    @Test
    void unknownWithAnObjectTypeKeyInItsPropertiesStillWritesItOnce() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("objectType", "Shadow");
        props.put("x", 1);
        String written = AzdpJson.write(new UnknownOperationExtendedInfo("Real", props));
        assertThat(written).isEqualTo("{\"objectType\":\"Real\",\"x\":1}");
    }

    @Test
    void missingObjectTypeWithoutJobIdIsUnknownWithNullType() {
        OperationExtendedInfo info = AzdpJson.read("{\"foo\":\"bar\"}", OperationExtendedInfo.class);
        assertThat(info).isEqualTo(new UnknownOperationExtendedInfo(null, Map.of("foo", "bar")));
        assertThat(AzdpJson.write(info)).isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void unknownRecordCanBeReadDirectlyEvenForAKnownObjectType() {
        String json = "{\"objectType\":\"OperationJobExtendedInfo\",\"jobId\":\"j\"}";
        UnknownOperationExtendedInfo u = AzdpJson.read(json, UnknownOperationExtendedInfo.class);
        assertThat(u).isEqualTo(new UnknownOperationExtendedInfo("OperationJobExtendedInfo", Map.of("jobId", "j")));
        assertThat(TestFixtures.sameJson(AzdpJson.write(u), json)).isTrue();
    }
}
