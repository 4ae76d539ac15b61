import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.ClientSecretCredentialBuilder;

/** One token with azure-identity's ClientSecretCredential in a fresh JVM (what adopting azure-identity would add). */
public class AzureIdentityToken {
    public static void main(String[] args) {
        ClientSecretCredential c = new ClientSecretCredentialBuilder().authorityHost(args[0]).tenantId(args[1])
                .clientId(args[2]).clientSecret(args[3]).disableInstanceDiscovery().build();
        String token = c.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"))
                .getToken();
        System.out.println(token.length() > 20 ? "ok" : "no token");
    }
}
