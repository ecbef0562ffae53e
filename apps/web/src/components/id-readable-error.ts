// Server errors carry a message a person can act on; a dropped connection only says
// "Failed to fetch", so it gets one that names the cause.

export function idReadableError(error: { message: string; data?: unknown } | null | undefined): { message: string } | null {
  if (!error) return null;
  return error.data ? error : { message: `Could not reach the Quorum server (${error.message}). Check that it is running.` };
}
