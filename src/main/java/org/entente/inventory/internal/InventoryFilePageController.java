package org.entente.inventory.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.entente.directory.EntenteUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Files in and out of the inventory's pages: the CSV import with its preview, the CSV and XLSX exports. */
@Controller
class InventoryFilePageController {

	private final AssetImport assetImport;
	private final InventoryExport export;
	private final InventoryPermissions permissions;
	private final org.entente.convention.Conventions conventions;

	private final org.springframework.context.MessageSource messages;

	InventoryFilePageController(AssetImport assetImport, InventoryExport export, InventoryPermissions permissions,
			org.entente.convention.Conventions conventions, org.springframework.context.MessageSource messages) {
		this.conventions = conventions;
		this.messages = messages;
		this.assetImport = assetImport;
		this.export = export;
		this.permissions = permissions;
	}

	@GetMapping("/inventaire/import")
	String importForm(@AuthenticationPrincipal EntenteUser user, Model model) {
		permissions.requireRead(user);
		accepted(model);
		return "inventory/import";
	}

	/** A file to start from: the header and one example row, as the import reads it. */
	@GetMapping("/inventaire/import/modele.csv")
	ResponseEntity<String> template() {
		String csv = String.join(",", AssetImport.REQUIRED) + ",building,room,socket\r\n"
				+ "0359901X,STATIONS_PEDAGOGIQUES,PEDAGOGICAL,PEDA-0359901X-B204-01,SN123456,Dell,OptiPlex 7010,CD,2024-09-01,"
				+ "2029-08-31,IN_SERVICE,B,B204,P12\r\n";
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"modele-inventaire.csv\"")
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(csv);
	}

	/** The header and the values each coded column accepts, in French with their codes. */
	private void accepted(Model model) {
		model.addAttribute("header", String.join(",", AssetImport.REQUIRED));
		model.addAttribute("components", conventions.current().components().values().stream()
			.filter(c -> c.area() == org.entente.convention.Area.IN_ESTABLISHMENT).toList());
		model.addAttribute("networks", org.entente.inventory.InventoryNetwork.values());
		model.addAttribute("fundings", org.entente.convention.Funding.values());
		model.addAttribute("statuses", org.entente.inventory.AssetStatus.values());
	}

	@PostMapping("/inventaire/import")
	String importFile(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean commit,
			@AuthenticationPrincipal EntenteUser user, Model model) throws IOException {
		permissions.requireRead(user);
		accepted(model);
		if (file.isEmpty()) {
			model.addAttribute("fileError", messages.getMessage("inv.import.noFile", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			return "inventory/import";
		}
		permissions.requireImport(user);
		AssetImport.ImportResult result = assetImport.importCsv(
				org.entente.common.CsvReader.utf8(file.getInputStream()), user, !commit,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		model.addAttribute("result", result);
		model.addAttribute("fileName", file.getOriginalFilename());
		return "inventory/import";
	}

	@GetMapping("/inventaire/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@AuthenticationPrincipal EntenteUser user) {
		return AssetApiController.exportResponse(export, permissions.requireRead(user), "csv");
	}

	@GetMapping("/inventaire/export.xlsx")
	ResponseEntity<StreamingResponseBody> exportXlsx(@AuthenticationPrincipal EntenteUser user) {
		return AssetApiController.exportResponse(export, permissions.requireRead(user), "xlsx");
	}
}
