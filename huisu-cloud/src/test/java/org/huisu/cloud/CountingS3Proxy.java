package org.huisu.cloud;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain HTTP relay in front of a real S3 server, for tests: it hands every request on unchanged
 * (the Host header too, which the signature covers) and counts what the server received, by
 * method. A test can make it answer some requests itself first — 503 SlowDown, as a throttling
 * provider does — or act after a request, such as deleting an object once it was listed.
 */
final class CountingS3Proxy implements AutoCloseable {

    static {
        // the relay must pass the client's Host header on: SigV4 signs it
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host,connection,content-length,expect,upgrade");
    }

    /** What the relay saw of one request. */
    record Seen(String method, String path, String query) {
    }

    /** Answers a request itself when it returns a status; null relays it. */
    interface Before {
        Integer answer(Seen request);
    }

    /** Runs after a request was relayed. */
    interface After {
        void relayed(Seen request, int status) throws IOException;
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "date", "te", "trailer", "upgrade", "proxy-connection");

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicLong> methods = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Before before = r -> null;
    private volatile After after = (r, s) -> {
    };

    CountingS3Proxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void before(Before b) {
        this.before = b;
    }

    void after(After a) {
        this.after = a;
    }

    /** Requests received, by method. */
    Map<String, Long> methods() {
        Map<String, Long> m = new TreeMap<>();
        methods.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Stops answering at all: connections are refused from now on. */
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Seen request = new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery());
            methods.computeIfAbsent(request.method(), k -> new AtomicLong()).incrementAndGet();
            seen.add(request);
            Integer status = before.answer(request);
            if (status != null) {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                        + (status == 503 ? "SlowDown" : "InternalError") + "</Code><Message>injected by the test"
                        + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase();
                if (!HOP_BY_HOP.contains(lower) || lower.equals("content-length")) {
                    if (!lower.equals("content-length")) {
                        values.forEach(v -> forward.header(name, v));
                    }
                }
            });
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            forward.method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> response;
            try {
                response = client.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            long length = response.headers().firstValueAsLong("content-length").orElse(-1);
            boolean noBody = request.method().equals("HEAD") || response.statusCode() == 204
                    || response.statusCode() == 304;
            exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : length <= 0 ? (length == 0 ? -1 : 0)
                    : length);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                if (!noBody) {
                    in.transferTo(out);
                }
            }
            after.relayed(request, response.statusCode());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
