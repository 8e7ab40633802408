// A request body the core streams instead of holding in memory: its exact length (sent as
// Content-Length, so it must never lie) and the chunks that make it up, produced on demand so the
// transport's backpressure decides how much is read ahead. Upload bodies (a file's base64 inside
// JSON) plug in here; the request core sends them with the same auth, retry and scrubbing as a
// JSON call.

export interface BodyChunk {
  data: string | Buffer;
  /** How a string is encoded on the wire (default utf8). */
  encoding?: BufferEncoding;
  /** Bytes of the source file this chunk carries, for progress (0 for framing). */
  sourceBytes?: number;
}

export interface BodyWriter {
  contentType: string;
  /** Exactly the bytes `chunks()` produces. */
  contentLength: number;
  /** A fresh pass over the body: every retry sends it again from the start. */
  chunks(): AsyncIterable<BodyChunk>;
}
