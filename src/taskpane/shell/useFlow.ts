import { useCallback, useRef, useState } from 'react';
import { FlowError, toFlowError, type FlowControl } from '../../flows/host';

/** The longest a flow keeps the page's thread between two pauses (a frame is 16 ms). */
const SLICE_MS = 12;

export interface FlowState {
  running: boolean;
  progress?: { done: number; total: number };
  error?: FlowError;
}

/**
 * Runs one flow at a time with progress and cancel; a failure becomes a FlowError the pane shows
 * in the analyst's language (never a stack trace).
 */
export function useFlow() {
  const [state, setState] = useState<FlowState>({ running: false });
  const abort = useRef<AbortController | undefined>(undefined);
  const lastPaint = useRef(0);

  const run = useCallback(async <T>(flow: (control: FlowControl) => Promise<T>): Promise<T | undefined> => {
    if (abort.current) return undefined;
    const controller = new AbortController();
    abort.current = controller;
    setState({ running: true });
    // Long work gives the page back every SLICE_MS: the progress bar paints and Cancel is heard.
    let sliceStarted = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStarted < SLICE_MS) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStarted = performance.now();
    };
    try {
      const result = await flow({
        signal: controller.signal,
        pause,
        progress: (done, total) => {
          // At most ~20 repaints a second: a million rows report thousands of chunks.
          const now = Date.now();
          if (now - lastPaint.current < 50 && done < total) return;
          lastPaint.current = now;
          setState({ running: true, progress: { done, total } });
        },
      });
      setState({ running: false });
      return result;
    } catch (error) {
      setState({ running: false, error: error instanceof FlowError ? error : toFlowError(error) });
      return undefined;
    } finally {
      abort.current = undefined;
    }
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const clearError = useCallback(() => setState((s) => ({ ...s, error: undefined })), []);
  const fail = useCallback((error: FlowError) => setState({ running: false, error }), []);
  return { ...state, run, cancel, clearError, fail };
}
