'use strict'
// Loaded into every Node process of an agent that `outloop run` starts (NODE_OPTIONS=--require …): Node 20's
// own fetch, http and https ignore HTTPS_PROXY, so without this they would bypass the broker. Built-ins and
// undici (resolved next to this file) only; it never throws into the agent's process.
;(() => {
  if (globalThis.__outloopProxyPreload) return
  globalThis.__outloopProxyPreload = true
  const proxyText = process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy
  if (!proxyText) return
  try {
    const http = require('node:http')
    const https = require('node:https')
    const tls = require('node:tls')
    const proxy = new URL(proxyText)
    const auth = proxy.username || proxy.password ? 'Basic ' + Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64') : null
    const noProxy = (process.env.NO_PROXY || process.env.no_proxy || '')
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean)
    const bypass = (host) => {
      const name = String(host || '').toLowerCase().replace(/^\[|\]$/g, '')
      if (name === 'localhost' || name === '::1' || name.startsWith('127.')) return true
      return noProxy.some((entry) => entry === '*' || name === entry || name.endsWith(entry.startsWith('.') ? entry : `.${entry}`))
    }

    // fetch: undici's proxy agent, with loopback and NO_PROXY hosts sent direct.
    try {
      const undici = require(require('node:path').join(__dirname, '..', 'node_modules', 'undici'))
      const direct = new undici.Agent()
      const viaProxy = new undici.ProxyAgent({uri: `${proxy.protocol}//${proxy.host}`, token: auth || undefined})
      class Choosing extends undici.Dispatcher {
        dispatch(options, handler) {
          const origin = new URL(String(options.origin))
          return (bypass(origin.hostname) ? direct : viaProxy).dispatch(options, handler)
        }
      }
      undici.setGlobalDispatcher(new Choosing())
    } catch (error) {
      process.stderr.write(`outloop: fetch in this process does not use the broker's proxy (${error && error.code ? error.code : 'undici not found'})\n`)
    }

    // http and https: a CONNECT tunnel through the proxy per connection, pooled by Node's agent as usual.
    const tunnel = (options, done) => {
      const request = http.request({agent: false, host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: `${options.host}:${options.port}`, headers: {host: `${options.host}:${options.port}`, ...(auth ? {'proxy-authorization': auth} : {})}})
      request.once('connect', (response, socket) => {
        if (response.statusCode !== 200) {
          socket.destroy()
          return done(Object.assign(new Error(`the outloop proxy refused ${options.host}:${options.port} (${response.statusCode})`), {code: 'EPROXYREFUSED', statusCode: response.statusCode}))
        }
        done(null, socket)
      })
      request.once('error', done)
      request.end()
    }
    class HttpsViaProxy extends https.Agent {
      createConnection(options, callback) {
        if (bypass(options.host)) return super.createConnection(options, callback)
        tunnel(options, (error, socket) => {
          if (error) return callback(error)
          callback(null, tls.connect({...options, socket, servername: options.servername || (require('node:net').isIP(options.host) ? undefined : options.host)}))
        })
      }
    }
    class HttpViaProxy extends http.Agent {
      createConnection(options, callback) {
        if (bypass(options.host)) return super.createConnection(options, callback)
        tunnel({...options, port: options.port || 80}, callback)
      }
    }
    https.globalAgent = new HttpsViaProxy({keepAlive: true})
    http.globalAgent = new HttpViaProxy({keepAlive: true})
  } catch (error) {
    process.stderr.write(`outloop: this Node process does not use the broker's proxy (${error && error.message ? String(error.message).replace(/\/\/[^@/]*@/g, '//') : 'unknown error'})\n`)
  }
})()
