/**
 * Explicit limits, shared by client (for early feedback) and server (for enforcement).
 * docs/operations.md lists them; change them here only.
 */
export const limits = {
  /** Largest websocket frame the server accepts (ws `maxPayload`); MAX_MESSAGE_BYTES. */
  maxMessageBytes: 4 * 1024 * 1024,
  /**
   * Size of a document's encoded state. Past the warning the editor says so;
   * an update that would take it past the limit is refused (close 4413).
   * DOCUMENT_WARNING_BYTES, MAX_DOCUMENT_BYTES.
   */
  documentWarningBytes: 8 * 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Largest awareness state (JSON) of one client; MAX_AWARENESS_BYTES. */
  maxAwarenessStateBytes: 16 * 1024,
  /**
   * Messages a connection may send per second, sustained; twice as many may
   * come in a burst. Awareness messages count against both budgets.
   * MESSAGES_PER_SECOND, AWARENESS_PER_SECOND.
   */
  messagesPerSecond: 300,
  awarenessPerSecond: 100,
  /**
   * Presence (carets, selections, who is here) is sent to a room's clients at
   * most this often, every change in between in one message: document updates
   * go out first and clients are not woken for each caret move. 0 sends once
   * per event-loop turn. PRESENCE_INTERVAL_MS.
   */
  presenceIntervalMs: 50,
  /** New websocket connections one address may open per minute; 0 turns it off. CONNECTIONS_PER_IP_PER_MINUTE. */
  connectionsPerIpPerMinute: 600,
  /**
   * From the first byte of the upgrade request to an open socket (headers,
   * session and access checks); traffic does not extend it. HANDSHAKE_TIMEOUT_MS.
   */
  handshakeTimeoutMs: 10_000,
  /** A write waits this long for SQLite's lock (a backup or another connection) before it fails. */
  sqliteBusyTimeoutMs: 5_000,
  /** PostgreSQL connections one instance opens at most; size `max_connections` for all instances. */
  pgPoolMax: 10,
  /** A failed store write is retried this many times, waiting twice as long each time. */
  storeWriteAttempts: 6,
  storeRetryBaseMs: 200,
  storeRetryMaxMs: 5_000,
  /** Presence of a client that left is remembered this long (against late echoes), then forgotten. */
  presenceTombstoneMs: 30_000,
  /**
   * Presence relayed from another instance that is not renewed within this is
   * dropped: clients renew every 15 s, so a dead instance's carets go within 30 s.
   */
  remotePresenceTimeoutMs: 30_000,
  /** Nesting of one presence state: deeper than any caret or selection needs, far below a stack overflow. */
  maxAwarenessStateNesting: 32,
  /**
   * Frames one socket sends while its document loads are kept until it is
   * ready, and frames after an update that waits for the client's sync step 2
   * are held; each up to this many bytes, past which the socket closes (1009).
   */
  maxBufferedBytesBeforeLoad: 8 * 1024 * 1024,
  maxHeldBytesBeforeStep2: 8 * 1024 * 1024,
  /**
   * A session confirmed for a websocket upgrade is not looked up again for this
   * long (single instance only; ending a session evicts it at once).
   */
  sessionCacheTtlMs: 5_000,
  /** At most this many sessions are kept confirmed (oldest go first). */
  sessionCacheMaxEntries: 10_000,
  /**
   * Read access to an installment confirmed for a websocket upgrade is not
   * checked again for this long (single instance only; every access change
   * evicts what it concerns at once).
   */
  accessCacheTtlMs: 5_000,
  /** At most this many (user, installment) answers are kept (oldest go first). */
  accessCacheMaxEntries: 10_000,
  /** Keepalive: a ping every interval; a socket that missed one pong is closed. */
  keepaliveIntervalMs: 30_000,
  /** Updates in a document's log before it is compacted into one state update. */
  compactAfterUpdates: 1_000,
  /** How long an empty room stays in memory before it unloads (reconnects are cheap). */
  roomIdleUnloadMs: 10_000,
  /** Debounce and maximum wait for refreshing the stored ProseMirror JSON and text. */
  contentSnapshotDebounceMs: 2_000,
  contentSnapshotMaxWaitMs: 10_000,
  /** Largest JSON request body accepted by the API. */
  maxJsonBodyBytes: 256 * 1024,
  /**
   * Largest body of `POST /api/series/:id/installments` (it may carry an imported
   * file) and of the content API's writes. The import form checks a file against
   * it before reading it.
   */
  maxImportBodyBytes: 8 * 1024 * 1024,
  /** Path ids are opaque strings; bounded so a hostile path cannot become a huge query. */
  idMax: 64,
  /** Part and version numbers in paths; far more than any series or installment has. */
  pathNumberMax: 1_000_000,
  /** Entries in a series' Atom feed, newest first. */
  feedEntries: 100,
  /** Titles and descriptions, in characters: room for any real title, not for a pasted essay. */
  seriesTitleMax: 200,
  seriesDescriptionMax: 2_000,
  /** A slug is part of every public address; also bounds the reader's path parsing. */
  slugMax: 80,
  installmentTitleMax: 200,
  /** Bounds the reorder request; far more installments than any series has. */
  installmentsPerSeriesMax: 10_000,
  /** One comment message, and the quoted text stored with a thread (shown when it is detached). */
  commentBodyMax: 5_000,
  commentQuoteMax: 2_000,
  /** Base64 of one encoded relative position; real ones are a few dozen characters. */
  anchorMaxChars: 512,
  /** Events kept for resuming a live stream with Last-Event-ID. */
  eventRetentionDays: 7,
  /** A comment on an SSE stream every so often, so proxies keep it open. */
  sseKeepaliveMs: 25_000,
  /** The note a writer adds to a published version. */
  versionNoteMax: 1_000,
  /** Largest text accepted by the import (about 200,000 words). */
  importMaxChars: 1_500_000,
  /**
   * Writes through the content API (`PUT …/content`, `POST …/content/append`) one
   * account may make per minute, with bursts of as many again.
   */
  contentWritesPerMinute: 60,
  /** Fewer words than this is flagged as very short before publishing. */
  shortContentWords: 50,
  /** Webhooks per series, and the size of what describes one. */
  webhooksPerSeries: 10,
  webhookUrlMax: 2_000,
  webhookDescriptionMax: 200,
  /**
   * Delivering a webhook: each attempt may take this long; a failed one is
   * retried after WEBHOOK_RETRY_BASE_MS, doubling up to the cap, until the
   * window after the delivery was queued has passed. The delivery log keeps
   * the newest deliveries per hook for the retention period.
   */
  webhookTimeoutMs: 10_000,
  webhookRetryBaseMs: 30_000,
  webhookRetryMaxMs: 3_600_000,
  webhookRetryWindowMs: 24 * 3_600_000,
  webhookLogSize: 50,
  webhookRetentionDays: 30,
  /** Passwords, enforced by better-auth (the upper bound is its default). */
  passwordMin: 8,
  passwordMax: 128,
  /** Display name of an account, shown on carets and comments (shared/accountName.ts). */
  nameMax: 80,
  /** The longest address RFC 5321 allows in a mail path. */
  emailMax: 254,
  /** API key names; better-auth's default (`maximumNameLength`), passed to it explicitly. */
  apiKeyNameMax: 32,
} as const;
