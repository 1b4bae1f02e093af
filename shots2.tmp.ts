import { launchBrowser, login, newPage, startApp } from './test/e2e/helpers';
const app = await startApp();
const browser = await launchBrowser();
const page = await newPage(browser, app);
await page.setViewportSize({ width: 1366, height: 768 });
await login(page, 'coordinator@pit.demo');
await page.goto('/rapportage');
await page.locator('figure.chart svg').first().waitFor();
await page.waitForTimeout(1000);
const clipped = await page.evaluate(() => [...document.querySelectorAll('figure.chart svg')].map((svg) => {
  const vb = (svg as SVGSVGElement).viewBox.baseVal;
  return [...svg.querySelectorAll('text')].map((t) => { const b = (t as SVGTextElement).getBBox(); return { text: t.textContent, x: Math.round(b.x), right: Math.round(b.x + b.width), y: Math.round(b.y), bottom: Math.round(b.y + b.height), vbw: vb.width, vbh: vb.height }; })
    .filter((b) => b.x < 0 || b.right > b.vbw || b.y < 0 || b.bottom > b.vbh);
}));
console.log(JSON.stringify(clipped, null, 1));
await page.locator('figure.chart').first().screenshot({ path: '/tmp/s-chart.png' });
await page.goto('/casussen/nieuw');
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/s-newcase.png' });
await browser.close();
await app.close();
