package org.latchkey.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small HTTP-level browser for container tests (HTTP/1.1, as browsers speak to plain-http servers; Java's default
 * h2c upgrade attempt confuses Payara 6 once a client has sent it an oversized header): keeps cookies by name (the tests check their attributes
 * themselves), never follows redirects, and submits Faces forms the way a browser would — every input of the form,
 * including the view state, plus the button pressed.
 */
public final class Browser {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Browser(URI base) {
        this.base = base;
    }

    public Page get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** Fills the named form's fields (by name) and presses the button; other inputs keep their page values. */
    public Page submit(Page page, String formId, Map<String, String> fields, String button)
            throws IOException, InterruptedException {
        Map<String, String> data = formData(page, formId, fields, button);
        String action = page.document().getElementById(formId).attr("action");
        return post(action.isEmpty() ? page.uri().getPath() : action, data);
    }

    /**
     * The fields {@link #submit} would post for the named form, with {@code fields} and the pressed button: what an
     * attacker copies into a link to try the form by GET.
     */
    public static Map<String, String> formData(Page page, String formId, Map<String, String> fields, String button) {
        Element form = page.document().getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Element input : form.select("input")) {
            if (!input.attr("name").isEmpty() && !input.attr("type").equals("submit")) {
                data.put(input.attr("name"), input.attr("value"));
            }
        }
        data.putAll(fields);
        data.put(button, form.getElementById(button) == null ? button : form.getElementById(button).attr("value"));
        return data;
    }

    /** A GET of {@code path} with {@code data} as its query, as a link or a redirect from another site makes it. */
    public Page getWith(String path, Map<String, String> data) throws IOException, InterruptedException {
        return get(path + "?" + query(data));
    }

    /** A request with another method (PUT, DELETE, OPTIONS, …) and {@code data} as its query. */
    public Page send(String method, String path, Map<String, String> data) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(resolve(path + "?" + query(data))).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static String query(Map<String, String> data) {
        return data.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public Page post(String path, Map<String, String> data) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(data))));
    }

    /** A JSON POST, as an API client sends it (with this browser's headers and cookies). */
    public Page postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON PUT. */
    public Page putJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A header sent with every request from now on, e.g. {@code Accept: text/html} as a browser navigation. */
    public Browser header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void dropCookie(String name) {
        cookies.remove(name);
    }

    public URI base() {
        return base;
    }

    private URI resolve(String path) {
        return path.startsWith("http") ? URI.create(path) : base.resolve(path);
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        List<SetCookie> set = response.headers().allValues("Set-Cookie").stream().map(SetCookie::parse).toList();
        for (SetCookie c : set) {
            if (c.deletes()) {
                cookies.remove(c.name());
            } else {
                cookies.put(c.name(), c.value());
            }
        }
        return new Page(built.uri(), response.statusCode(), response.headers().map(), response.body(), set);
    }

    /** One response, with its HTML parsed. */
    public record Page(URI uri, int status, Map<String, List<String>> headers, String body, List<SetCookie> setCookies) {

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String location() {
            return header("Location").orElseThrow(() -> new AssertionError("no redirect from " + uri + " (" + status + ")"));
        }

        public Optional<SetCookie> setCookie(String name) {
            return setCookies.stream().filter(c -> c.name().equals(name)).reduce((a, b) -> b);
        }

        /** Texts of the messages shown next to a field. */
        public List<String> fieldErrors(String field) {
            return document().select("div.field:has(#" + field + ") .field-error li").eachText();
        }

        public List<String> messages() {
            return document().select("#messages li").eachText();
        }
    }
}
