// The table of LSP features. Adding a feature is adding its file and one line here.
import type { Feature } from '../serverContext';
import { codeActionsFeature } from './codeActions';
import { diagnosticsFeature } from './diagnostics';
import { shellcheckDiagnosticsFeature } from './shellcheckDiagnostics';
import { symbolsFeature } from './symbols';
import { foldingFeature } from './folding';
import { highlightFeature } from './highlight';
import { definitionFeature } from './definition';
import { referencesFeature } from './references';
import { renameFeature } from './rename';
import { linksFeature } from './links';
import { completionFeature } from './completion';
import { semanticTokensFeature } from './semanticTokens';
import { formattingFeature } from './formatting';
import { hoverFeature } from './hover';
import { signatureHelpFeature } from './signatureHelp';
import { layerFactsFeature } from './layerFacts';

export const features: Feature[] = [diagnosticsFeature, shellcheckDiagnosticsFeature, codeActionsFeature, symbolsFeature, foldingFeature, highlightFeature, definitionFeature, referencesFeature, renameFeature, linksFeature, completionFeature, semanticTokensFeature, formattingFeature, hoverFeature, signatureHelpFeature, layerFactsFeature];
