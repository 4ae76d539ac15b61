package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.SyncPollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.SyncDefaultPollingStrategy;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.serializer.TypeReference;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official Azure SDK for Java against azdp-mock, configured as docs/sdk.md says: azure-identity's
 * ClientSecretCredential with the emulator's HTTPS authority, instance discovery off and its certificate trusted;
 * azure-core's HTTP pipeline (bearer-token policy, which refuses plain HTTP); and two LRO pollers on an adhoc backup
 * sent with another api-version than 2024-04-01: azure-core-management's ARM poller ({@link SyncPollerFactory}, what
 * generated management clients such as azure-resourcemanager-dataprotection return from {@code begin*}: it polls
 * {@code Azure-AsyncOperation}, then GETs {@code Location} for a POST's result) and azure-core's generic
 * {@link SyncDefaultPollingStrategy} (which polls {@code Location}, operationResults).
 */
@AzdpMock(https = true, properties = {"azdp.mock.operation-duration=PT2S", "azdp.mock.retry-after=1"})
class AzureSdkJavaTest {

    private static final String ARM_SCOPE = "https://management.azure.com/.default";
    private static final String BODY = "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\","
            + "\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}";

    @BeforeEach
    void isolate(AzdpMockServer mock) {
        mock.reset();
    }

    /** One HTTP client trusting exactly the emulator's certificate, for MSAL's calls and ARM's alike. */
    private static HttpClient http(AzdpMockServer mock) {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(mock.sslContext())).build();
    }

    private static ClientSecretCredential credential(AzdpMockServer mock, HttpClient http) {
        return new ClientSecretCredentialBuilder()
                .authorityHost(mock.httpsUrl())
                .tenantId(mock.tenantId())
                .clientId(mock.clientId())
                .clientSecret(mock.clientSecret())
                .disableInstanceDiscovery()
                .httpClient(http)
                .build();
    }

    private static HttpPipeline pipeline(ClientSecretCredential credential, HttpClient http) {
        return new HttpPipelineBuilder().httpClient(http).policies(new RequestIdPolicy(), new RetryPolicy(),
                new BearerTokenAuthenticationPolicy(credential, ARM_SCOPE)).build();
    }

    @Test
    void clientSecretCredentialGetsATokenFromTheEmulatorThatArmAccepts(AzdpMockServer mock) {
        HttpClient http = http(mock);
        ClientSecretCredential credential = credential(mock, http);
        AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(ARM_SCOPE));
        assertThat(token.getToken().split("\\.")).hasSize(3);
        assertThat(token.getExpiresAt()).isAfter(OffsetDateTime.now().plusMinutes(30));

        HttpResponse vault = pipeline(credential, http).sendSync(new HttpRequest(HttpMethod.GET, mock.httpsUrl()
                + mock.vaultId() + "?api-version=2025-07-01"), Context.NONE);
        assertThat(vault.getStatusCode()).isEqualTo(200);
        assertThat(vault.getBodyAsBinaryData().toString()).contains("\"name\":\"azdp-demo-vault\"");
    }

    /** The activation call of a generated client's begin*: the POST, its body read, as a Response of BinaryData. */
    private static Response<BinaryData> trigger(HttpPipeline pipeline, String url) {
        HttpRequest request = new HttpRequest(HttpMethod.POST, url)
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(BODY);
        HttpResponse r = pipeline.sendSync(request, Context.NONE);
        return new SimpleResponse<>(r.getRequest(), r.getStatusCode(), r.getHeaders(), r.getBodyAsBinaryData());
    }

    @Test
    void azureCoreManagementsArmPollerFollowsAzureAsyncOperationToTheEndAndVerifiesClean(AzdpMockServer mock) {
        HttpClient http = http(mock);
        HttpPipeline pipeline = pipeline(credential(mock, http), http);
        String url = mock.httpsUrl() + mock.instanceId() + "/backup?api-version=2022-12-01";
        // as DataProtectionManagementClientImpl.getLroResult does for the sync beginAdhocBackup
        SyncPoller<PollResult<Map<String, Object>>, Map<String, Object>> poller = SyncPollerFactory.create(
                SerializerFactory.createDefaultManagementSerializerAdapter(), pipeline, Map.class, Map.class,
                Duration.ofSeconds(1), () -> trigger(pipeline, url), Context.NONE);

        PollResponse<PollResult<Map<String, Object>>> done = poller.waitForCompletion(Duration.ofMinutes(1));
        assertThat(done.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(poller.getFinalResult()).containsEntry("objectType", "OperationJobExtendedInfo")
                .extractingByKey("jobId").asString().startsWith(mock.vaultId() + "/backupJobs/");

        // the ARM poller polled operationStatus (Azure-AsyncOperation), not operationResults, until Succeeded, and
        // fetched the POST's result from Location once at the end
        assertThat(mock.admin().journal("method=GET&path=/operationStatus/"))
                .containsPattern("\"count\":([2-9]|[1-9][0-9])[,}]");
        assertThat(mock.admin().journal("method=GET&path=/operationResults/")).containsPattern("\"count\":1[,}]");
        // its first status poll came right after the 202 (tolerated), later ones kept to Retry-After: clean
        String verify = mock.admin().verify(null);
        assertThat(verify).contains("\"ok\":true").contains("\"findings\":[]");
        assertThat(verify.split("\"type\":\"EarlyFirstPoll\"", -1)).hasSize(2);
        assertThat(verify).containsPattern("\"type\":\"EarlyFirstPoll\",[^}]*/operationStatus/");
        assertThat(mock.admin().verify("earlyFirstPolls=0")).contains("\"ok\":false");
        assertThat(mock.admin().journal("method=POST")).contains("api-version=2022-12-01");
    }

    @Test
    void azureCoresSyncPollerRunsAnAdhocBackupToTheEndAndVerifiesClean(AzdpMockServer mock) {
        HttpClient http = http(mock);
        HttpPipeline pipeline = pipeline(credential(mock, http), http);
        String url = mock.httpsUrl() + mock.instanceId() + "/backup?api-version=2022-12-01";
        SyncPoller<BinaryData, BinaryData> poller = SyncPoller.createPoller(Duration.ofSeconds(1),
                () -> trigger(pipeline, url), new SyncDefaultPollingStrategy<>(pipeline),
                TypeReference.createInstance(BinaryData.class), TypeReference.createInstance(BinaryData.class));

        PollResponse<BinaryData> done = poller.waitForCompletion(Duration.ofMinutes(1));
        assertThat(done.getStatus()).isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        assertThat(poller.getFinalResult().toString()).contains("\"jobId\":\"" + mock.vaultId() + "/backupJobs/");

        // azure-core polled once right after the 202 and kept to Retry-After from then on: clean, one tolerated
        String verify = mock.admin().verify("path=/operationResults/");
        assertThat(verify).contains("\"ok\":true").contains("\"findings\":[]");
        assertThat(verify.split("\"type\":\"EarlyFirstPoll\"", -1)).hasSize(2);
        assertThat(mock.admin().verify("path=/operationResults/&earlyFirstPolls=0")).contains("\"ok\":false");
        assertThat(mock.admin().journal("method=POST")).contains("api-version=2022-12-01");
    }
}
