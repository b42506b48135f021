/**
 * Webpack plugin: inlines the emitted scripts and stylesheets into the HTML that
 * html-webpack-plugin writes, and drops the separate files, so the output is one
 * self-contained HTML file. Used by the demo page and the Sheets sidebar
 * (Apps Script serves no static files):
 *
 *   const InlineHtmlPlugin = require("../build/inline-html-plugin");
 *   plugins: [new HtmlWebpackPlugin({ inject: "body", scriptLoading: "blocking", ... }), new InlineHtmlPlugin()]
 */
const HtmlWebpackPlugin = require("html-webpack-plugin");

const NAME = "InlineHtmlPlugin";

/**
 * Script text safe inside <script>…</script>: "</script" cannot end the element early.
 * ("<\/" means "</" in JS strings, templates and regular expressions, also with the u flag.)
 */
function escapeInlineScript(source) {
  return source.replace(/<\/(script)/gi, "<\\/$1");
}

/** Style text safe inside <style>…</style>. */
function escapeInlineStyle(source) {
  return source.replace(/<\/(style)/gi, "<\\/$1");
}

class InlineHtmlPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      const inlined = new Set();
      const assetName = (url) => {
        if (!url) return null;
        const name = decodeURIComponent(String(url).split("?")[0]).replace(/^(\.?\/)+/, "");
        return compilation.getAsset(name) ? name : null;
      };
      const inline = (tag) => {
        if (tag.tagName === "script") {
          const name = assetName(tag.attributes && tag.attributes.src);
          if (!name) return tag;
          inlined.add(name);
          const source = compilation.getAsset(name).source.source().toString();
          return { tagName: "script", voidTag: false, attributes: {}, innerHTML: escapeInlineScript(source), meta: tag.meta };
        }
        if (tag.tagName === "link" && tag.attributes && tag.attributes.rel === "stylesheet") {
          const name = assetName(tag.attributes.href);
          if (!name) return tag;
          inlined.add(name);
          const source = compilation.getAsset(name).source.source().toString();
          return { tagName: "style", voidTag: false, attributes: {}, innerHTML: escapeInlineStyle(source), meta: tag.meta };
        }
        return tag;
      };
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      // After html-webpack-plugin (stage OPTIMIZE_INLINE) has written the page.
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 },
        () => {
          for (const name of inlined) {
            compilation.deleteAsset(name);
            compilation.deleteAsset(`${name}.map`);
            compilation.deleteAsset(`${name}.LICENSE.txt`);
          }
        },
      );
    });
  }
}

module.exports = InlineHtmlPlugin;
module.exports.InlineHtmlPlugin = InlineHtmlPlugin;
module.exports.escapeInlineScript = escapeInlineScript;
module.exports.escapeInlineStyle = escapeInlineStyle;
