package org.jpledger.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client never does: a body streamed while the answer is read
 * (a server may answer and close before the body has gone), and a request whose answer is never read.
 */
final class RawHttp {

    /** The status line's code and what came after it, up to the cap read. */
    record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    /**
     * Sends {@code body} chunked from another thread while reading the answer here, at most {@code readCap} bytes of
     * it within {@code timeoutMillis}; a body the server stopped reading is abandoned.
     */
    static Answer stream(String baseUrl, String method, String path, Map<String, String> headers, InputStream body,
            int readCap, int timeoutMillis) throws IOException, InterruptedException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, uri, headers, "Transfer-Encoding: chunked\r\n"));
            Thread sender = new Thread(() -> sendChunked(out, body), "raw-http-body");
            sender.setDaemon(true);
            sender.start();
            Answer answer = read(socket.getInputStream(), readCap);
            socket.shutdownOutput();
            sender.join(timeoutMillis);
            return answer;
        }
    }

    /** Opens a connection and sends a GET whose answer the caller reads slowly or never; closing it ends the request. */
    static Socket sendAndLeave(String baseUrl, String path, Map<String, String> headers) throws IOException {
        URI uri = URI.create(baseUrl);
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        // A small window: the server's writes block once the little the client's buffers hold is full.
        socket.setReceiveBufferSize(4096);
        socket.getOutputStream().write(head("GET", path, uri, headers, ""));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status code of an answer on a socket, reading only its status line. */
    static int statusOf(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        String line = readLine(socket.getInputStream());
        return Integer.parseInt(line.split(" ")[1]);
    }

    private static byte[] head(String method, String path, URI uri, Map<String, String> headers, String extra) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":"
                + uri.getPort() + "\r\n" + extra);
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void sendChunked(OutputStream out, InputStream body) {
        byte[] buffer = new byte[1 << 16];
        try (body) {
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(buffer, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            // The server answered and stopped reading: what it said is read on the other side.
        }
    }

    private static Answer read(InputStream in, int cap) throws IOException {
        String statusLine = readLine(in);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; rest.size() < cap && (n = in.read(buffer)) > 0; ) {
                rest.write(buffer, 0, Math.min(n, cap - rest.size()));
                if (rest.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (SocketException e) {
            // what arrived is enough
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), rest.toString(StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
