// Starts the npm package telegram-test-api (a Bot API emulator) for TelegramTestApiServeTest:
//   node server.js <folder of the installed package> <port>
// Prints one line once it listens on 127.0.0.1, and exits when the test JVM (which holds stdin) goes away.
'use strict';
const path = require('path');
const [pkg, port] = process.argv.slice(2);
const TelegramServer = require(path.resolve(pkg));
const { version } = require(path.join(path.resolve(pkg), 'package.json'));
const server = new TelegramServer({ host: '127.0.0.1', port: Number(port), storeTimeout: 600 });
server.start().then(
  () => console.log(`telegram-test-api ${version} listening on 127.0.0.1:${port}`),
  (e) => {
    console.error(`telegram-test-api ${version} cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(3);
  });
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
