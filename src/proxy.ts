import { NextResponse, type NextRequest } from 'next/server'

// Payload picks the admin language from this cookie, else from the browser's Accept-Language.
// Editors at NJi and Movisie often run English browsers; the admin is Dutch unless someone
// chooses English in their account settings, which sets the cookie.
const languageCookie = 'payload-lng'

export function proxy(request: NextRequest) {
  if (request.cookies.has(languageCookie)) return NextResponse.next()
  const headers = new Headers(request.headers)
  const cookie = request.headers.get('cookie')
  headers.set('cookie', cookie ? `${cookie}; ${languageCookie}=nl` : `${languageCookie}=nl`)
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
