package org.latchkey.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.latchkey.support.DownstreamWar;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.SigningKey;
import org.latchkey.token.TestKeys;
import org.latchkey.token.TokenClaims;
import org.latchkey.token.TokenIssuer;
import org.latchkey.token.TokenSettings;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * All the consumer's figures in one run (bench/run.sh): JMH on one thread and on every core, simplejwt on the same
 * token, and wrk against a protected and an unprotected endpoint of a downstream service. Prints figures only.
 */
public final class Bench {

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Double> one = jmh(1);
        Map<String, Double> all = jmh(cores);
        double simplejwt = simplejwtMicros();
        System.out.println();
        System.out.println("== token verification (" + cores + " cores)");
        System.out.printf("%-14s %12s %14s %16s%n", "", "µs/op 1 thr", "ops/s 1 thr", "ops/s " + cores + " thr");
        for (String name : List.of("rawHmacSha512", "coldVerify", "repeatVerify")) {
            System.out.printf("%-14s %12.2f %14.0f %16.0f%n", name, 1e6 / one.get(name), one.get(name), all.get(name));
        }
        System.out.printf("%-14s %12.2f%n", "simplejwt", simplejwt);
        double cold = 1e6 / one.get("coldVerify");
        double repeat = 1e6 / one.get("repeatVerify");
        System.out.printf("cold = %.2f x raw HMAC (target <= 3); simplejwt / cold = %.1f x (target >= 5);"
                + " simplejwt / repeat = %.0f x (target >= 50)%n", cold / (1e6 / one.get("rawHmacSha512")),
                simplejwt / cold, simplejwt / repeat);
        wrk();
    }

    private static Map<String, Double> jmh(int threads) throws Exception {
        Options options = new OptionsBuilder().include(VerifierBenchmark.class.getName()).forks(1).threads(threads)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                .measurementTime(TimeValue.seconds(2)).timeUnit(TimeUnit.SECONDS).build();
        Map<String, Double> opsPerSecond = new java.util.HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String label = result.getPrimaryResult().getLabel();
            opsPerSecond.put(label, result.getPrimaryResult().getScore()); // all threads together
        }
        return opsPerSecond;
    }

    private static String[] token() {
        String key = TestKeys.random();
        TokenSettings settings = new TokenSettings("HS512", Duration.ofHours(1), Duration.ofDays(5), Duration.ZERO,
                Optional.empty(), Optional.empty());
        String token = new TokenIssuer(SigningKey.load(Optional.of(key), Path.of(".")), settings)
                .access(new TokenClaims(42, "6f1c0c1e-8d53-4b55-a6d4-0ad1c1f6a0b7", "ada.lovelace@example.com", "Ada",
                        "Lovelace", false, false), Instant.now()).value();
        return new String[] {key, token};
    }

    private static double simplejwtMicros() throws Exception {
        String[] keyAndToken = token();
        Process python = new ProcessBuilder("/usr/bin/python3", "src/test/python/simplejwt_bench.py").start();
        python.getOutputStream().write(JsonUtil.toJson(Map.of("key", keyAndToken[0], "token", keyAndToken[1]))
                .getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        python.waitFor();
        return ((Number) JsonUtil.parseJson(out).get("simplejwt_us")).doubleValue();
    }

    private static void wrk() throws Exception {
        String[] keyAndToken = token();
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Path war = DownstreamWar.export(dir.resolve("downstream.war"));
        try (PayaraMicroProcess app = PayaraMicroProcess.startApp("bench-downstream", war, "public",
                Map.of("JWT_SIGNING_KEY", keyAndToken[0], "latchkey.cookie.secure", "false"))) {
            String cookie = "Cookie: latchkey.access=" + keyAndToken[1];
            String unprotected = app.base() + "public";
            String protectedUrl = app.base() + "private"; // the same page as /public, behind a constraint
            wrkRun(unprotected, null, 10); // warm-up of every path
            wrkRun(unprotected, cookie, 10);
            wrkRun(protectedUrl, cookie, 10);
            List<Double> anonymous = new ArrayList<>();
            List<Double> open = new ArrayList<>();
            List<Double> guarded = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                anonymous.add(wrkRun(unprotected, null, 10));
                open.add(wrkRun(unprotected, cookie, 10));
                guarded.add(wrkRun(protectedUrl, cookie, 10));
            }
            double a = median(anonymous);
            double o = median(open);
            double g = median(guarded);
            System.out.println();
            System.out.println("== downstream service under wrk (2 threads, 32 connections, 3 x 10 s, medians)");
            System.out.printf("unprotected /public, no token:   %7.0f req/s %s%n", a, anonymous);
            System.out.printf("unprotected /public, with cookie: %7.0f req/s %s%n", o, open);
            System.out.printf("protected /private, with cookie:  %7.0f req/s %s%n", g, guarded);
            System.out.printf("protected / unprotected, same cookie = %.1f %% (target >= 95 %%);"
                    + " signed-in / anonymous on the public page = %.1f %%%n", 100 * g / o, 100 * o / a);
        }
    }

    private static double wrkRun(String url, String header, int seconds) throws IOException, InterruptedException {
        AuthBench.Wrk wrk = AuthBench.wrk(url, header, 32, seconds);
        if (wrk.non2xx() > 0) {
            throw new IllegalStateException("wrk against " + url + ": " + wrk.non2xx() + " answers were not 2xx");
        }
        return wrk.perSecond();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
