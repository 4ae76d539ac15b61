"""azdp-mock from the Azure SDK for Python: azure-identity's ClientSecretCredential against the emulator's HTTPS
authority (instance discovery off) and azure-mgmt-dataprotection's DataProtectionClient, whose begin_adhoc_backup
returns the SDK's own ARM LRO poller. Trust comes from REQUESTS_CA_BUNDLE (the emulator's PEM). See docs/sdk.md.

    AZDP_MOCK_HTTPS=https://localhost:8443 REQUESTS_CA_BUNDLE=/tmp/azdp-mock-tls-$USER/azdp-mock.pem \
        /usr/bin/python3 adhoc_backup.py

Prints one JSON line on stdout: the poller's status, the job id and the api-version the client sent.
"""
import json
import os

import azure.identity
from azure.identity import ClientSecretCredential
from azure.mgmt.dataprotection.models import (AdHocBackupRuleOptions, AdhocBackupTriggerOption,
                                              TriggerBackupRequest)

try:  # the client's name in azure-mgmt-dataprotection 2.x
    from azure.mgmt.dataprotection import DataProtectionMgmtClient as DataProtectionClient
except ImportError:  # 1.0.0b3, which Debian bookworm's python3-azure ships
    from azure.mgmt.dataprotection import DataProtectionClient

base = os.environ.get("AZDP_MOCK_HTTPS", "https://localhost:8443")
# MSAL's instance discovery off (else it asks the public cloud's login host about this authority): the keyword is
# disable_instance_discovery=True since azure-identity 1.13.0b3; 1.13.0b2, which Debian bookworm's python3-azure
# ships, named it instance_discovery=False
discovery_off = ({"instance_discovery": False} if azure.identity.__version__ == "1.13.0b2"
                 else {"disable_instance_discovery": True})
credential = ClientSecretCredential("00000000-0000-0000-0000-00000000feed", "azdp-mock-client", "azdp-mock-secret",
                                    authority=base, **discovery_off)
client = DataProtectionClient(credential, "00000000-0000-0000-0000-000000000000", base_url=base,
                              credential_scopes=["https://management.azure.com/.default"])
poller = client.backup_instances.begin_adhoc_backup(
    "azdp-demo-rg", "azdp-demo-vault", "azdp-demo-instance",
    TriggerBackupRequest(backup_rule_options=AdHocBackupRuleOptions(
        rule_name="BackupWeekly", trigger_option=AdhocBackupTriggerOption(retention_tag_override="Weekly"))))
result = poller.result()
print(json.dumps({"status": poller.status(), "jobId": result.job_id, "apiVersion": client._config.api_version}))
