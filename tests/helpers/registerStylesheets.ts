import { register } from 'node:module'

register('./stylesheets.mjs', import.meta.url)
