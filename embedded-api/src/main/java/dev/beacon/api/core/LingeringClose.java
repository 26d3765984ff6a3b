package dev.beacon.api.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection the way a careful HTTP server does after answering a request it will not
 * read (a request line over the limit, say) while the client may still be sending its body: the
 * answer is written, the sending side shut (the client sees the end of the answer), and what the
 * client still sends is read and dropped for a short while before the socket is closed. Closing at
 * once with unread bytes makes the kernel send a reset, which can throw away the answer before the
 * client has read it, so the client would see no answer at all. Like nginx's lingering close.
 */
final class LingeringClose extends ChannelDuplexHandler {
  /** How long the server keeps reading and dropping after its answer. */
  static final long LINGER_MILLIS = 2000;
  /** How much it drops before it gives up and closes anyway. */
  static final long MAX_DROPPED = 1024 * 1024;

  private boolean lingering;
  private long dropped;

  private LingeringClose() {}

  /** Makes the next close of this connection a lingering one (HTTP/1.x over TCP only; otherwise nothing changes). */
  static void arm(HttpConnection conn) {
    if (conn instanceof ConnectionBase base && base.channel() instanceof SocketChannel ch
        && ch.pipeline().get(LingeringClose.class) == null) {
      ch.pipeline().addFirst(new LingeringClose());
    }
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    SocketChannel ch = (SocketChannel) ctx.channel();
    if (!lingering && (!ch.isActive() || ch.isOutputShutdown())) {
      ctx.close(promise);
      return;
    }
    // whoever asked for the close hears of it when the socket is really closed
    ch.closeFuture().addListener(f -> promise.trySuccess());
    if (lingering) {
      return;
    }
    lingering = true;
    // everything written before this point goes out first, then the end of the stream
    ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
      if (!written.isSuccess()) {
        ctx.close();
        return;
      }
      ch.shutdownOutput().addListener(shut -> {
        if (!shut.isSuccess()) {
          ctx.close();
        }
      });
    });
    ctx.executor().schedule(() -> {
      ctx.close();
    }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
    ch.config().setAutoRead(true);
    ctx.read();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!lingering) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (msg instanceof ByteBuf buf) {
      dropped += buf.readableBytes();
    }
    ReferenceCountUtil.release(msg);
    if (dropped > MAX_DROPPED) {
      ctx.close();
    }
  }
}
