// The table of LSP features. Adding a feature is adding its file and one line here.
import type { Feature } from '../serverContext';
import { codeActionsFeature } from './codeActions';
import { diagnosticsFeature } from './diagnostics';

export const features: Feature[] = [diagnosticsFeature, codeActionsFeature];
