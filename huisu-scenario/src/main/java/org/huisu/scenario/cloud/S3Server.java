package org.huisu.scenario.cloud;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 server on 127.0.0.1 (s3proxy with jclouds' filesystem provider): every folder under
 * {@code root} is a bucket, every file in it an object, its modification time the object's
 * Last-Modified. Used by the demo and by tests in place of the remote cloud.
 */
public final class S3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final String identity;
    private final String credential;

    private S3Server(S3Proxy proxy, BlobStoreContext context, String identity, String credential) {
        this.proxy = proxy;
        this.context = context;
        this.identity = identity;
        this.credential = credential;
    }

    /**
     * Starts a server that checks signatures (SigV2 and SigV4) against the given key.
     *
     * @param port 0 for any free port
     */
    public static S3Server start(Path root, int port, String identity, String credential) {
        return start(root, port, identity, credential, null);
    }

    /**
     * Starts a server that also takes virtual-hosted requests: {@code bucket.VIRTUALHOST:port} names
     * the bucket in the host (the client must resolve that name to 127.0.0.1).
     */
    public static S3Server start(Path root, int port, String identity, String credential, String virtualHost) {
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", root.toAbsolutePath().toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").credentials(identity, credential)
                .overrides(overrides).build(BlobStoreContext.class);
        S3Proxy.Builder builder = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, credential);
        if (virtualHost != null) {
            builder.virtualHost(virtualHost);
        }
        S3Proxy proxy = builder.build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the S3 server on 127.0.0.1 did not start in 30 seconds");
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("the S3 server could not start on 127.0.0.1:" + port + ": "
                    + e.getMessage(), e);
        }
        return new S3Server(proxy, context, identity, credential);
    }

    /** The endpoint to give an S3 client, path-style: {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public int port() {
        return proxy.getPort();
    }

    public String identity() {
        return identity;
    }

    public String credential() {
        return credential;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the S3 server did not stop: " + e.getMessage(), e);
        } finally {
            context.close();
        }
    }
}
