import type { Server } from 'node:http';

export const CHROMIUM: string;
export const ARGS: string[];
export function serve(dir: string): Promise<Server>;
