// Runs Learning Locker's statement service (npm `xapi-statements`, memory storage) for the tests.
// Its server listens on every interface; here it is made to listen on 127.0.0.1 only, on the
// port the test asked for (0: any free one), and to tell the test which port that is.
import http from 'node:http';

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  const callback = rest.find((argument) => typeof argument === 'function');
  this.once('listening', () => process.send?.({ port: this.address().port }));
  return listen.call(this, Number(port), '127.0.0.1', callback);
};
await import('xapi-statements/dist/server.js');
