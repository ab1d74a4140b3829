/**
 * Microsoft's own Excel client (npm @microsoft/office-js, excel-web-16.00.debug.js) in jsdom, with a
 * session that records each sync's request body instead of sending it: the real serializer's
 * bytes, to hold the flows' byte budget to (after shared/tools/office-js-requests). Test-only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';

export interface CapturedRequest {
  bytes: number;
  actions: number;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the library's globals are untyped here */
export function officeRequests() {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'https://localhost:3000/taskpane.html',
    runScripts: 'outside-only',
  });
  const w = dom.window as any;
  w.eval(
    fs.readFileSync(
      path.join(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist', 'excel-web-16.00.debug.js'),
      'utf8',
    ),
  );
  const { OfficeExtension, Excel } = w;
  const captured: CapturedRequest[] = [];
  class CaptureSession extends OfficeExtension.SessionBase {
    _resolveRequestUrlAndHeaderInfo() {
      return OfficeExtension.CoreUtility._createPromiseFromResult({ url: 'https://x/', headers: {} });
    }
    _createRequestExecutorOrNull() {
      return {
        executeAsync(
          _custom: unknown,
          _flags: unknown,
          msg: { Body: { Actions: { Id: number; ActionType: number; ObjectPathId: number }[] } },
        ) {
          const body = JSON.stringify(msg.Body);
          captured.push({ bytes: Buffer.byteLength(body, 'utf8'), actions: msg.Body.Actions.length });
          // Every instantiated object gets an id, so later syncs of the batch can still use it.
          const results = msg.Body.Actions.filter((a) => a.ActionType === 1 || a.ActionType === 2).map((a) => ({
            ActionId: a.Id,
            Value: a.ActionType === 1 ? { Id: `id${a.ObjectPathId}` } : {},
          }));
          return new OfficeExtension.Promise((resolve: (v: unknown) => void) =>
            resolve({ ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results: results } }),
          );
        },
      };
    }
  }
  return { captured, newContext: (): Excel.RequestContext => new Excel.RequestContext(new CaptureSession()) };
}
