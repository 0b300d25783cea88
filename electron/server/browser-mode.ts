import { startCore, type CoreOptions } from '../core/start-core.js';
import { startLoopbackServer } from './loopback-server.js';

export interface BrowserModeOptions extends CoreOptions {
  rendererDir: string;
  port: number;
}

export interface RunningBrowserMode {
  launchUrl: string;
  origin: string;
  stop(): Promise<void>;
}

/** The whole app without Electron: the core, served on 127.0.0.1 to a browser window. */
export async function startBrowserMode(options: BrowserModeOptions): Promise<RunningBrowserMode> {
  const core = await startCore(options);
  try {
    const server = await startLoopbackServer({
      handlers: core.handlers,
      catalog: core.catalog,
      rendererDir: options.rendererDir,
      port: options.port,
      log: options.log,
    });
    let stopped = false;
    return {
      launchUrl: server.launchUrl,
      origin: server.origin,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.close();
        core.close();
      },
    };
  } catch (error) {
    core.close();
    throw error;
  }
}
