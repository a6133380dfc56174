import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of the test database, for fault tests: `cut()` drops every connection and refuses new
 * ones, as a database that went away would; `restore()` lets connections through again. Nothing about the
 * database itself changes, so other tests sharing it are not disturbed.
 */
export class TcpProxy {
  private readonly clients = new Set<net.Socket>();
  private readonly upstreams = new Set<net.Socket>();
  private down = false;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  /** Proxies 127.0.0.1:<free port> to the host and port of `databaseUrl`. */
  static async start(databaseUrl: string): Promise<TcpProxy> {
    const target = new URL(databaseUrl);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Nobody knows the port before this returns, so no connection can arrive before the handler.
    const proxy = new TcpProxy(server, (server.address() as AddressInfo).port);
    server.on('connection', (client) => proxy.accept(client, target.hostname, Number(target.port || 5432)));
    return proxy;
  }

  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Local ports of the proxy's connections to the database: `client_port` in pg_stat_activity. */
  upstreamPorts(): number[] {
    return [...this.upstreams].map((socket) => socket.localPort).filter((port): port is number => port !== undefined);
  }

  cut(): void {
    this.down = true;
    for (const socket of [...this.clients, ...this.upstreams]) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: net.Socket, host: string, port: number): void {
    if (this.down) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, host);
    this.clients.add(client);
    this.upstreams.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.clients.delete(client);
      this.upstreams.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
