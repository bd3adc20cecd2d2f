// Plain shapes of the engine's image list and history, shared by imageActions.ts and the view model.
export interface ImageSummaryInput {
  id: string;
  repoTags: string[];
  /** Bytes, as the engine reports them. */
  size: number;
  /** Unix seconds. */
  created: number;
  labels?: Record<string, string>;
}

/** One entry of GET /images/{id}/history (the engine lists newest first). */
export interface HistoryInput {
  created: number;
  createdBy: string;
  size: number;
  comment: string;
}
