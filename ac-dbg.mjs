import autocannon from 'autocannon'
const r = await autocannon({ url: process.argv[2], connections: 10, duration: Number(process.argv[3] ?? 10) })
console.log(JSON.stringify(r.statusCodeStats), r.requests.average, r.latency.p50)
