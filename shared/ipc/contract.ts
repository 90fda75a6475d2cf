import { z } from 'zod';

/** A file name offered in a save dialog: a bare name, never a path. */
const SuggestedName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', {
    message: 'A suggested file name cannot contain a path.',
  });

/** The id of a file being written in pieces (from `host:save-stream-open`). */
const StreamId = z.string().regex(/^[0-9a-f-]{36}$/, 'not a stream id');

/** Most bytes one `host:save-stream-write` carries. */
export const SAVE_STREAM_CHUNK_MAX = 64 * 1024 * 1024;

/**
 * The IPC contract between the renderer and the Electron main process: one entry per channel, with
 * the schema of its request and of its response. The preload exposes exactly these channels and
 * the main process handles exactly these, both built from this object, so neither side can drift.
 */
export const ipcContract = {
  /** Saves bytes to a file the user picks in a native save dialog. */
  'host:save-file': {
    request: z.object({
      suggestedName: SuggestedName,
      mediaType: z.string().max(200),
      data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= 2 ** 31, {
        message: 'That file is too large to save in one piece.',
      }),
    }),
    response: z.object({
      saved: z.boolean(),
      /** Where it was saved, so the app can say so. */
      location: z.string().optional(),
    }),
  },
  /**
   * Starts saving a file too big to pass in one piece (a case bundle): asks where in a native save
   * dialog and opens a temporary file beside the chosen one. `opened` is false when cancelled.
   */
  'host:save-stream-open': {
    request: z.object({ suggestedName: SuggestedName, mediaType: z.string().max(200) }),
    response: z.object({
      opened: z.boolean(),
      streamId: StreamId.optional(),
      location: z.string().optional(),
    }),
  },
  /** Appends bytes to a file being saved in pieces. */
  'host:save-stream-write': {
    request: z.object({
      streamId: StreamId,
      data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= SAVE_STREAM_CHUNK_MAX, {
        message: 'A piece of a file can be at most 64 MB.',
      }),
    }),
    response: z.object({ written: z.number().int().min(0) }),
  },
  /** Finishes a file saved in pieces: the temporary file takes the chosen name. */
  'host:save-stream-close': {
    request: z.object({ streamId: StreamId }),
    response: z.object({ saved: z.boolean(), location: z.string().optional() }),
  },
  /** Abandons a file being saved in pieces: the temporary file is deleted. */
  'host:save-stream-abort': {
    request: z.object({ streamId: StreamId }),
    response: z.object({ aborted: z.boolean() }),
  },
  /** What the app knows about the desktop it runs on. */
  'host:get-info': {
    request: z.object({}),
    response: z.object({
      appVersion: z.string(),
      platform: z.string(),
      electronVersion: z.string(),
    }),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = z.input<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;

/** Every handler answers with this shape; errors are sentences for the UI, never stack traces. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The list of channels, for building the preload and the handlers. */
export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

/**
 * The object the preload exposes on `window.casefileHost`: one async function per channel, named
 * after the channel without its `host:` prefix, in camelCase.
 */
export type HostBridge = {
  [C in IpcChannel as BridgeMethodName<C>]: (
    request: IpcRequest<C>,
  ) => Promise<IpcResult<IpcResponse<C>>>;
};

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;
export type BridgeMethodName<C extends string> = C extends `host:${infer Name}`
  ? CamelCase<Name>
  : never;

/** The bridge method name of a channel: `host:save-file` -> `saveFile`. */
export function bridgeMethodName<C extends IpcChannel>(channel: C): BridgeMethodName<C> {
  return channel
    .replace(/^host:/, '')
    .replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as BridgeMethodName<C>;
}

/** The global name under which the preload exposes the bridge. */
export const HOST_BRIDGE_GLOBAL = 'casefileHost';
