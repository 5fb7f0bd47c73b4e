// npm node-taobao-topclient 0.1.7, unmodified, against our TOP router (only REST_URL moved): md5
// signs, JSON, POST form. It stamps the local time, so it runs with TZ=Asia/Shanghai (TOP's zone).
// Usage: TZ=Asia/Shanghai node taobao_client.js ROUTER_URL APP_KEY SECRET SESSION CROWD_ID
// Prints "created=<task id> state=<state> members=<n>" and exits 0 on success.
const TopClient = require('node-taobao-topclient').default;

const [url, appkey, appsecret, session, crowdId] = process.argv.slice(2);

function pad(n) {
  return String(n).padStart(2, '0');
}

function topTime(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

async function main() {
  const client = new TopClient({ appkey, appsecret, REST_URL: url });
  const now = new Date();
  const created = await client.execute('taobao.opencrm.crowdanalysis.update', {
    session,
    operation: 'create',
    task_dto: { crowd_id: Number(crowdId), start_time: topTime(now), end_time: topTime(new Date(now.getTime() + 86400000)) },
  });
  if (!created.result || !created.result.success) {
    throw new Error('create failed: ' + JSON.stringify(created));
  }
  const taskId = created.result.result.task_id;
  for (let i = 0; i < 100; i++) {
    const got = await client.execute('taobao.opencrm.crowdanalysis.get', { session, task_id: taskId });
    if (got.task.state === 'ready') {
      console.log(`created=${taskId} state=${got.task.state} members=${got.task.member_count}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the task did not become ready');
}

main().catch((error) => {
  console.error(error && error.data ? JSON.stringify(error.data) : error);
  process.exit(1);
});
