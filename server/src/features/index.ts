// The table of LSP features. Adding a feature is adding its file and one line here.
import type { Feature } from '../serverContext';

export const features: Feature[] = [];
