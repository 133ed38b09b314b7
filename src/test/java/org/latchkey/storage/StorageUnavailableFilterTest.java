package org.latchkey.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.password.PasswordBusyException;
import org.latchkey.web.SecurityHeaders;

/**
 * A 503 keeps the cookies the mechanism wrote before the filters ran (a refresh it committed for a form posted after
 * the access cookie ran out) and drops those the failed request meant to set.
 */
class StorageUnavailableFilterTest {

    /** A response that keeps its headers in a list, as a container does, and forgets them on reset. */
    static final class Answer {
        final List<String[]> headers = new ArrayList<>();
        int status = 200;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        HttpServletResponse proxy() {
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (self, method, args) -> switch (method.getName()) {
                        case "addHeader" -> headers.add(new String[] {(String) args[0], (String) args[1]}) ? null : null;
                        case "setHeader" -> {
                            headers.removeIf(h -> h[0].equalsIgnoreCase((String) args[0]));
                            headers.add(new String[] {(String) args[0], (String) args[1]});
                            yield null;
                        }
                        case "getHeaders" -> new ArrayList<>(all((String) args[0]));
                        case "reset" -> {
                            headers.clear();
                            status = 200;
                            yield null;
                        }
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "isCommitted" -> false;
                        case "getOutputStream" -> new ServletOutputStream() {
                            @Override public boolean isReady() { return true; }
                            @Override public void setWriteListener(WriteListener listener) { }
                            @Override public void write(int b) { body.write(b); }
                        };
                        default -> null;
                    });
        }
    }

    private static HttpServletRequest jsonRequest() {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(StorageUnavailableFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "Accept".equals(args[0]) ? "application/json" : null;
                    case "getRequestURI" -> "/account";
                    case "getContextPath" -> "";
                    case "setAttribute" -> attributes.put((String) args[0], args[1]) == null ? null : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    @Test
    void aBusyAnswerKeepsTheCookiesOfARefreshCommittedBeforeItAndNoneOfTheFailedRequests() throws Exception {
        StorageUnavailableFilter filter = new StorageUnavailableFilter();
        SecurityHeaders headers = new SecurityHeaders();
        java.lang.reflect.Field cookies = SecurityHeaders.class.getDeclaredField("cookies");
        cookies.setAccessible(true);
        cookies.set(headers, new CookieSettings(Optional.empty(), true, "__Secure-latchkey.access", "__Host-latchkey.refresh"));
        filter.headers = headers;
        Answer answer = new Answer();
        HttpServletResponse response = answer.proxy();
        response.addHeader("Set-Cookie", "__Host-latchkey.refresh=rotated; Path=/; Secure; HttpOnly");
        response.addHeader("Set-Cookie", "__Secure-latchkey.access=fresh; Path=/; Secure; HttpOnly");

        filter.doFilter(jsonRequest(), response, (req, res) -> {
            ((HttpServletResponse) res).addHeader("Set-Cookie", "__Secure-latchkey.access=from-the-failed-action; Path=/");
            throw new PasswordBusyException();
        });

        assertEquals(503, answer.status);
        assertEquals(List.of("__Host-latchkey.refresh=rotated; Path=/; Secure; HttpOnly",
                "__Secure-latchkey.access=fresh; Path=/; Secure; HttpOnly"), answer.all("Set-Cookie"));
        assertEquals(List.of("2"), answer.all("Retry-After"));
        assertEquals(true, answer.body.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"code\":\"busy\""));
    }
}
