package cn.eexpo.sandbox.customs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy in front of RabbitMQ that the bridge connects through, so that tests can cut the transport: while
 * "down" every proxied connection is closed and new ones are accepted and closed at once (the client sees a reset,
 * as when the network or the broker is gone). It comes back by itself when the down time ends, or on {@link #up()}.
 */
final class AmqpProxy implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AmqpProxy.class.getName());

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Instant downUntil;
    private volatile boolean closed;

    AmqpProxy(String listenHost, int port, String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(listenHost), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + listenHost + ":" + port, e);
        }
        Thread.ofVirtual().name("amqp-proxy-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    boolean isDown() {
        Instant until = downUntil;
        return until != null && Instant.now().isBefore(until);
    }

    @Nullable
    Instant downUntil() {
        return isDown() ? downUntil : null;
    }

    /** Closes every proxied connection and refuses new ones for {@code duration}. */
    void down(Duration duration) {
        downUntil = Instant.now().plus(duration);
        LOG.log(System.Logger.Level.INFO, "AMQP proxy: transport down for {0} ms", duration.toMillis());
        for (Socket socket : open) closeQuietly(socket);
        open.clear();
    }

    void up() {
        downUntil = null;
        LOG.log(System.Logger.Level.INFO, "AMQP proxy: transport up");
    }

    int connections() {
        return open.size() / 2;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.log(System.Logger.Level.WARNING, "AMQP proxy: accept failed", e);
                continue;
            }
            if (isDown()) {
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "AMQP proxy: RabbitMQ unreachable: {0}", e.getMessage());
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            Thread.ofVirtual().name("amqp-proxy-up").start(() -> pipe(client, upstream));
            Thread.ofVirtual().name("amqp-proxy-down").start(() -> pipe(upstream, client));
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a side closed: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) closeQuietly(socket);
        open.clear();
    }
}
