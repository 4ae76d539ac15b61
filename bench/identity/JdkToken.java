import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The same token request with the JDK's HttpClient only: the floor of a fresh JVM doing one HTTPS token call. */
public class JdkToken {
    public static void main(String[] args) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + args[2] + "&client_secret=" + args[3]
                + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(args[0] + "/" + args[1] + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println(r.statusCode() == 200 && r.body().contains("access_token") ? "ok" : "no token " + r.statusCode());
    }
}
