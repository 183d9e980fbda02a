// The HTML report as a reader sees it: rendered in a real headless Chromium (Debian's package),
// offline, with assertions on the rendered page and a screenshot kept under test-artifacts/.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const chromiumPath = "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium) {
    console.warn(`skipping the HTML rendering tests: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
}

const stateFile = path.join(projectRoot, "examples", "state", "reference-dev.json");
const config = path.join(__dirname, "fixtures", "report-configs", "reference.json");
const artifacts = path.join(projectRoot, "test-artifacts", "report-html");

/** The computed value of a CSS property, read in the page (the tests compile without the DOM types). */
type InPage = { getComputedStyle(el: unknown): { getPropertyValue(p: string): string } };
function computed(locator: ReturnType<Page["locator"]>, prop: string) {
    return locator.evaluate(
        (el, p) => (globalThis as unknown as InPage).getComputedStyle(el).getPropertyValue(p),
        prop,
    );
}

describe.skipIf(!hasChromium)("HTML report rendered in Chromium", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-html-"));
    let context: BrowserContext;
    let page: Page;
    let report: Report;
    /** Requests the page made for anything but the report file itself. */
    const fetched: string[] = [];

    beforeAll(async () => {
        const htmlFile = path.join(tmp, "report.html");
        const jsonFile = path.join(tmp, "report.json");
        const r = await aiguard(
            "analyze",
            "--file",
            stateFile,
            "--policy-config",
            config,
            "--format",
            "html",
            "--output",
            `html=${htmlFile}`,
            "--format",
            "json",
            "--output",
            `json=${jsonFile}`,
        );
        expect(r.code).toBe(1);
        report = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Report;
        context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
            executablePath: chromiumPath,
            headless: true,
            args: [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
        page = context.pages()[0] ?? (await context.newPage());
        page.on("request", (req) => {
            if (!req.url().startsWith("file:")) {
                fetched.push(req.url());
            }
        });
        await page.goto(`file://${htmlFile}`);
        fs.mkdirSync(artifacts, { recursive: true });
        await page.screenshot({ path: path.join(artifacts, "reference.png"), fullPage: true });
    }, 300_000);

    afterAll(async () => {
        await context?.close();
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("renders the report's title and every section heading, loading nothing from the network", async () => {
        expect(await page.title()).toBe("aiguard report: aiguard-reference (dev)");
        const headings = await page.locator("h2").allInnerTexts();
        expect(headings).toEqual([
            "Summary",
            "By framework",
            "MITRE ATLAS threat view",
            "Findings",
            "Disabled and not applicable",
            "Passed",
            "Resources and classification",
            "Provenance",
        ]);
        expect(fetched).toEqual([]);
    });

    it("shows one finding box per failing, waived or undecided result, styled by status", async () => {
        const listed = report.results.filter((r) => ["fail", "waived", "undecided"].includes(r.status)).length;
        await expect(page.locator(".finding").count()).resolves.toBe(listed);
        const waived = page.locator('.finding[data-status="waived"]');
        await expect(waived.count()).resolves.toBe(1);
        expect(await waived.isVisible()).toBe(true);
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
        expect(await waived.innerText()).toContain("Waiver (waived) until 2099-12-31, owner ml-platform@example.com");
        // The inline stylesheet applied: a waived finding has the purple bar.
        const bar = await computed(waived, "border-left-color");
        expect(bar).toBe("rgb(130, 80, 223)");
    });

    it("shows the disabled and the downgraded policy in the summary", async () => {
        const rows = await page.locator("#summary table").first().locator("tr").allInnerTexts();
        expect(rows).toContain("sagemaker-endpoint-data-capture\tdowngraded\tmandatory\tadvisory");
        expect(rows).toContain("sagemaker-notebook-imdsv2\tdisabled\tmandatory\tdisabled");
        const badge = page.locator("#summary .badge.disabled").first();
        expect(await badge.isVisible()).toBe(true);
        expect(await computed(badge, "background-color")).toBe("rgb(110, 119, 129)");
    });

    it("says per control how many resources were tested and how many comply", async () => {
        const sc7 = report.controls.find((c) => c.framework === "nist-800-53" && c.id === "SC-7");
        const row = page.locator("#frameworks tr", { hasText: "SC-7 Boundary Protection" }).first();
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
        expect(await row.innerText()).toContain(`tested on ${sc7?.tested} resources, ${sc7?.compliant} compliant`);
    });

    it("lists the ATLAS techniques with their status badges", async () => {
        const rows = page.locator("#threats tr");
        await expect(rows.count()).resolves.toBe(report.threats.techniques.length + 1);
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
        expect(await page.locator("#threats").innerText()).toContain("AML.T0025 Exfiltration via Cyber Means");
    });

    it("keeps a screenshot of the page as a test artifact", () => {
        expect(fs.statSync(path.join(artifacts, "reference.png")).size).toBeGreaterThan(10_000);
    });
});
