// azdp-mock from the Azure SDK for JavaScript: @azure/identity's ClientSecretCredential against the emulator's HTTPS
// authority (instance discovery off), @azure/core-rest-pipeline with the bearer-token policy, and @azure/core-lro's
// poller on an adhoc backup. Trust comes from NODE_EXTRA_CA_CERTS (the emulator's PEM). See docs/sdk.md.
//   AZDP_MOCK_HTTPS=https://localhost:8443 NODE_EXTRA_CA_CERTS=/tmp/azdp-mock-tls-$USER/azdp-mock.pem node adhoc-backup.mjs
import { ClientSecretCredential } from "@azure/identity";
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createEmptyPipeline,
  createHttpHeaders,
  createPipelineRequest,
  setClientRequestIdPolicy,
} from "@azure/core-rest-pipeline";
import { createHttpPoller } from "@azure/core-lro";

const base = process.env.AZDP_MOCK_HTTPS ?? "https://localhost:8443";
const tenant = "00000000-0000-0000-0000-00000000feed";
const apiVersion = process.env.AZDP_API_VERSION ?? "2025-07-01";
const instance = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azdp-demo-rg/providers/"
  + "Microsoft.DataProtection/backupVaults/azdp-demo-vault/backupInstances/azdp-demo-instance";

const credential = new ClientSecretCredential(tenant, "azdp-mock-client", "azdp-mock-secret", {
  authorityHost: base,
  disableInstanceDiscovery: true,
});
const pipeline = createEmptyPipeline();
pipeline.addPolicy(setClientRequestIdPolicy());
pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: "https://management.azure.com/.default" }));
const http = createDefaultHttpClient();

async function send(method, url, body) {
  const request = createPipelineRequest({
    url, method, body,
    headers: createHttpHeaders(body ? { "content-type": "application/json" } : {}),
  });
  const response = await pipeline.sendRequest(http, request);
  const headers = response.headers.toJSON();
  const parsed = response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
  return {
    flatResponse: parsed,
    rawResponse: { statusCode: response.status, headers, body: parsed, request: { method, url } },
  };
}

const poller = createHttpPoller({
  sendInitialRequest: () => send("POST", `${base}${instance}/backup?api-version=${apiVersion}`,
    JSON.stringify({ backupRuleOptions: { ruleName: "BackupWeekly", triggerOption: { retentionTagOverride: "Weekly" } } })),
  sendPollRequest: (path) => send("GET", path),
}, { intervalInMs: 1000, resourceLocationConfig: "azure-async-operation" });

const result = await poller.pollUntilDone();
console.log(JSON.stringify({ status: poller.operationState.status, result }));
