/** A CSV download: RFC 4180's media type with its header-row flag, never cached by proxies. */
export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

/** A 400 as RFC 9457 problem details, for a download link with a bad range or view. */
export function problemResponse(title: string): Response {
  return Response.json(
    { title, status: 400 },
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
