package org.latchkey.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jose4j.json.JsonUtil;

/**
 * The article's Django auth service (src/test/python/django_auth.py under Debian's Django): makes its SQLite
 * database through the article's registration and login views and answers with the rows and the cookies it set.
 */
final class DjangoAuthService {

    private DjangoAuthService() {
    }

    /** Runs the service's script on {@code database} with {@code spec}; its answer. */
    static Map<String, Object> run(Path database, Map<String, Object> spec) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", "src/test/python/django_auth.py", database.toString())
                .redirectErrorStream(false).start();
        process.getOutputStream().write(JsonUtil.toJson(spec).getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the Django auth service did not finish");
        }
        assertEquals(0, process.exitValue(), "python said: " + out + err
                + " (needs Debian's python3-django and python3-djangorestframework-simplejwt; .ci/run installs them)");
        return JsonUtil.parseJson(out);
    }

    /** The {@code users} rows of an answer. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> users(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("users");
    }

    /** The access and refresh cookies the login view set for {@code email}. */
    @SuppressWarnings("unchecked")
    static Map<String, String> cookies(Map<String, Object> answer, String email) {
        return (Map<String, String>) ((Map<String, Object>) answer.get("cookies")).get(email);
    }
}
