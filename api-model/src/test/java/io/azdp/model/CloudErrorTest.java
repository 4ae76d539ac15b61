package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudErrorTest {

    @Test
    void ofBuildsTheArmShape() {
        assertThat(AzdpJson.write(CloudError.of("ResourceNotFound", "The vault was not found.")))
                .isEqualTo("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The vault was not found.\","
                        + "\"details\":[],\"additionalInfo\":[]}}");
        CloudError withTarget = CloudError.of("InvalidSubscriptionId", "bad", "subscriptionId");
        assertThat(withTarget.error().target()).isEqualTo("subscriptionId");
        assertThat(withTarget.error().userFacingError()).isEmpty();
    }

    @Test
    void readsDetailsAndFindsTheUserFacingErrorInAdditionalInfo() {
        CloudError e = TestFixtures.read("cloud-error.json", CloudError.class);
        assertThat(e.error().code()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(e.error().details()).singleElement()
                .satisfies(d -> assertThat(d.target()).isEqualTo("backupRuleOptions.ruleName"));
        assertThat(e.error().additionalInfo()).extracting(ErrorAdditionalInfo::type)
                .containsExactly("PolicyViolation", "UserFacingError");
        assertThat(e.error().additionalInfo().get(0).userFacingError()).isEmpty();

        UserFacingError ufe = e.error().userFacingError().orElseThrow();
        assertThat(ufe.code()).isEqualTo("BMSUserErrorInvalidInput");
        assertThat(ufe.target()).isEqualTo("ruleName");
        assertThat(ufe.recommendedAction()).containsExactly("Check the rule name and retry.");
        assertThat(ufe.properties()).containsEntry("ActivityId", "0c8c6a57-5e0f-4a8e-9c55-5b1f3a0d2e77");
        assertThat(ufe.details()).extracting(UserFacingError::code).containsExactly("Inner");
        assertThat(ufe.innerError().code()).isEqualTo("InvalidRuleName");
        assertThat(ufe.innerError().additionalInfo()).containsEntry("ruleName", "Default");
        assertThat(ufe.innerError().embeddedInnerError().path("code").asText()).isEqualTo("Deeper");
    }

    @Test
    void userFacingErrorWithDetailsAndInnerErrorRoundTrips() {
        JsonNode info = TestFixtures.tree(TestFixtures.text("cloud-error.json")).path("error").path("additionalInfo")
                .get(1).path("info");
        UserFacingError read = AzdpJson.read(info.toString(), UserFacingError.class);
        String written = AzdpJson.write(read);
        assertThat(TestFixtures.sameJson(info.toString(), written)).as(written).isTrue();
        assertThat(AzdpJson.read(written, UserFacingError.class)).isEqualTo(read);
    }

    @Test
    void untypedInfoThatLooksLikeAUserFacingErrorIsRecognised() {
        var info = JsonNodeFactory.instance.objectNode().put("code", "X").put("message", "m");
        assertThat(new ErrorAdditionalInfo(null, info).userFacingError()).get()
                .extracting(UserFacingError::code).isEqualTo("X");
        assertThat(new ErrorAdditionalInfo("Other", info).userFacingError()).isEmpty();
        assertThat(new ErrorAdditionalInfo("UserFacingError", JsonNodeFactory.instance.textNode("x")).userFacingError())
                .isEmpty();
        // unreadable info does not throw, it is just not a UserFacingError
        var bad = JsonNodeFactory.instance.objectNode().put("code", "X");
        bad.putArray("isRetryable").add(1);
        assertThat(new ErrorAdditionalInfo("UserFacingError", bad).userFacingError()).isEmpty();
    }

    @Test
    void errorListsAreImmutableCopies() {
        List<ErrorAdditionalInfo> infos = new java.util.ArrayList<>();
        Error error = new Error("c", "m", null, null, infos);
        infos.add(new ErrorAdditionalInfo("t", null));
        assertThat(error.additionalInfo()).isEmpty();
        assertThat(error.details()).isNull();
        assertThat(error.userFacingError()).isEmpty();
    }
}
