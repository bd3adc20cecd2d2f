// Entry points: analyse an export stream (a file, a test fixture) or an engine image by name.
import type Dockerode from 'dockerode';
import { readImageExport } from './exportReader';
import { resolveImage } from './imageLayout';
import { analyseLayers, type ImageAnalysis } from './layerAnalysis';

export interface AnalyseOptions {
  signal?: AbortSignal;
}

/** One pass over an export tar (classic `docker save` or OCI layout), then the analysis. */
export async function analyseImageExport(source: AsyncIterable<Buffer | Uint8Array | string>, name: string, options: AnalyseOptions = {}): Promise<ImageAnalysis> {
  const contents = await readImageExport(source, options);
  return analyseLayers(resolveImage(contents, name), name);
}

/** Streams the image out of the engine (GET /images/{name}/get) and analyses it as it arrives. */
export async function analyseEngineImage(docker: Dockerode, name: string, options: AnalyseOptions = {}): Promise<ImageAnalysis> {
  const stream = (await docker.getImage(name).get()) as NodeJS.ReadableStream & { destroy?: (err?: Error) => void };
  try {
    return await analyseImageExport(stream as AsyncIterable<Buffer>, name, options);
  } finally {
    // On an early error or cancellation, stop the engine from sending the rest of the export.
    stream.destroy?.();
  }
}
