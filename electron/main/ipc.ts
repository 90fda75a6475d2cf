import { errorMessage } from '@shared/domain/errorMessage';
import type { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcContract,
  type IpcResponse,
  type IpcResult,
} from '@shared/ipc/contract';
import { isAppUrl } from './origin';

/** A channel's request after the contract's schema has parsed it. */
export type ParsedRequest<C extends IpcChannel> = z.output<IpcContract[C]['request']>;

/** The desktop service behind one channel. It may throw a {@link ServiceError} for the user. */
export type IpcService<C extends IpcChannel> = (
  request: ParsedRequest<C>,
) => Promise<IpcResponse<C>>;

/** One service per channel of the contract; the compiler insists on every channel. */
export type IpcServices = { [C in IpcChannel]: IpcService<C> };

/** A failure whose message is written for the reporter and can be shown as it is. */
export class ServiceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServiceError';
  }
}

/** What the handler knows about the frame that sent a request, taken from Electron's event. */
export interface IpcSender {
  /** The sending frame's URL; undefined when the frame is already gone. */
  url: string | undefined;
  /** Whether it is the top frame of its window (not an iframe). */
  isMainFrame: boolean;
  /** The id of the webContents that holds the frame. */
  webContentsId: number;
}

/**
 * Why a sender may not use the bridge, or undefined when it may. Only the main frame of a window
 * Casefile made, showing Casefile's own origin, is trusted: a frame of another origin (should one
 * ever load despite the CSP and the request filter) must not reach the file system.
 */
export function senderRefusal(
  sender: IpcSender,
  trustedWebContents: ReadonlySet<number>,
): string | undefined {
  if (sender.url === undefined) return 'The window that asked has closed.';
  if (!trustedWebContents.has(sender.webContentsId))
    return 'The request came from a window that is not Casefile’s.';
  if (!sender.isMainFrame)
    return 'The request came from an embedded frame, which may not use the desktop.';
  if (!isAppUrl(sender.url)) return 'The request came from a page that is not part of Casefile.';
  return undefined;
}

/** What each channel does, in words that fit "Casefile could not ___". */
const CHANNEL_ACTIONS: Readonly<Record<IpcChannel, string>> = {
  'host:save-file': 'save the file',
  'host:save-stream-open': 'start saving the file',
  'host:save-stream-write': 'write the file',
  'host:save-stream-close': 'finish saving the file',
  'host:save-stream-abort': 'abandon the file',
  'host:get-info': 'read the app’s information',
};

/**
 * Turns zod's issues into one sentence that names where each problem is, e.g.
 * `suggestedName: A suggested file name cannot contain a path.`
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map(
      (issue) =>
        `${issue.path.length > 0 ? formatPath(issue.path) : 'the request'}: ${issue.message}`,
    )
    .join('; ');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index > 0 ? '.' : ''}${String(key)}`,
    )
    .join('');
}

/** A handler as Electron's `ipcMain.handle` will call it, minus Electron's event object. */
export type IpcHandler<C extends IpcChannel> = (
  sender: IpcSender,
  request: unknown,
) => Promise<IpcResult<IpcResponse<C>>>;

/**
 * Wraps a service into the handler of its channel: checks the sender, parses the request with the
 * contract's schema, runs the service, parses its answer with the response schema (so a bug on this
 * side cannot hand the renderer something the contract does not promise) and always answers
 * `{ ok: true, value }` or `{ ok: false, error }`, never a rejection with a stack trace.
 */
export function createIpcHandler<C extends IpcChannel>(
  channel: C,
  service: IpcService<C>,
  isRefused: (sender: IpcSender) => string | undefined,
): IpcHandler<C> {
  const { request: requestSchema, response: responseSchema } = ipcContract[channel];
  const action = CHANNEL_ACTIONS[channel];
  return async (sender, rawRequest) => {
    const refusal = isRefused(sender);
    if (refusal !== undefined)
      return { ok: false, error: `Casefile refused to ${action}. ${refusal}` };

    const request = requestSchema.safeParse(rawRequest);
    if (!request.success) {
      return {
        ok: false,
        error: `Casefile could not ${action} because the request was not valid: ${describeIssues(request.error.issues)}`,
      };
    }

    let answer: unknown;
    try {
      answer = await service(request.data as ParsedRequest<C>);
    } catch (error) {
      if (error instanceof ServiceError) return { ok: false, error: error.message };
      const detail = errorMessage(error);
      return { ok: false, error: `Casefile could not ${action}: ${detail}` };
    }

    const response = responseSchema.safeParse(answer);
    if (!response.success) {
      return {
        ok: false,
        error: `Casefile could not ${action}: the desktop side gave an answer the app does not understand (${describeIssues(response.error.issues)}).`,
      };
    }
    return { ok: true, value: response.data as IpcResponse<C> };
  };
}
