/** The bundled seed: page 1 (平湖版) of 嘉兴日报, 31 July 2025, whose page 2 is not in the archive. */
import { expect, test } from '@playwright/test';
import { shoot, watchErrors } from './helpers';

test('the seed front page: masthead, date lines, the reconstructed stories', async ({ page }) => {
  const check = watchErrors(page);
  await page.goto('/');
  await expect(page).toHaveURL('/zh');
  const masthead = page.locator('.masthead');
  await expect(masthead.getByRole('heading', { level: 1 })).toHaveText('嘉兴日报');
  await expect(masthead).toContainText('平湖版');
  await expect(masthead).toContainText('2025年7月31日 星期四');
  await expect(masthead).toContainText('农历乙巳年闰六月初七');
  const guide = page.getByRole('navigation', { name: '本版导读' });
  await expect(guide.getByRole('link')).toHaveCount(7);
  await expect(guide.getByRole('link').first()).toHaveText('网聚职工正能量 争做中国好网民');
  // Page furniture (app promotions, the banner) is not printed as news.
  await expect(page.locator('.page-body')).not.toContainText('平湖发布 今平湖客户端');
  // Both jumps lead to page 2, which the archive does not hold: said in words, no link.
  const jumps = page.locator('[data-jump=to]');
  await expect(jumps).toHaveCount(2);
  await expect(jumps.first()).toContainText('第2版未收录在本报库中');
  await expect(jumps.getByRole('link')).toHaveCount(0);
  await shoot(page, 'seed-page-1');
  check();
});

test('a seed article with its kicker, deck, bylines and subheads', async ({ page }) => {
  await page.goto('/zh/2025-07-31/1');
  await page.locator('.page-body').getByRole('link', { name: '工业经济向新向优挑大梁' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工业经济向新向优挑大梁');
  const article = page.locator('article.article-view');
  await expect(article.locator('.kicker')).toHaveText('创新突破看半年');
  await expect(article.locator('.bylines').first()).toHaveText(
    /■记者 胡佳英 居丹荔\s*通讯员 张心悦\s*制图 杨晨燕/,
  );
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(['产业体系更坚韧', '产业集群更夯实']);
  await expect(article.locator('[data-jump=to]')).toContainText('下转2版');
  await expect(article.locator('[data-jump=to]').getByRole('link')).toHaveCount(0);
  await shoot(page, 'seed-article');
});
